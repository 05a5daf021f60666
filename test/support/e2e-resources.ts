/** Creating resources over HTTP for e2e tests (unique codes, SKUs and barcodes per call). */
import { randomInt } from 'node:crypto';
import type { Product } from '../../lib/catalog/product-schemas.js';
import type { Store } from '../../lib/stores/store-schemas.js';
import { api, expectSuccess } from './e2e-client.js';
import { productInput, storeInput, uniqueSuffix } from './fixtures.js';

export const createStore = async (adminToken: string, overrides: Parameters<typeof storeInput>[0] = {}) =>
  expectSuccess(await api<Store>('POST', '/stores', { token: adminToken, body: storeInput(overrides) }), 201);

export const createProduct = async (token: string, overrides: Parameters<typeof productInput>[0] = {}) =>
  expectSuccess(await api<Product>('POST', '/products', { token, body: productInput(overrides) }), 201);

/** A random 13-digit barcode (the API checks the format, not a check digit). */
export const uniqueBarcode = (): string => `9${String(randomInt(1e12)).padStart(12, '0')}`;

/** A lower-case category slug of its own, so listings in a test see only that test's products. */
export const uniqueCategory = (): string => `e2e-${uniqueSuffix().toLowerCase()}`;

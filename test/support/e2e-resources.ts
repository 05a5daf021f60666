/** Creating resources over HTTP for e2e tests (unique codes, SKUs and barcodes per call). */
import { randomInt } from 'node:crypto';
import { gtinCheckDigit } from '../../lib/catalog/gtin.js';
import type { ProductView } from '../../lib/catalog/product-schemas.js';
import type { Store } from '../../lib/stores/store-schemas.js';
import { api, expectSuccess } from './e2e-client.js';
import { productInput, storeInput, uniqueSuffix } from './fixtures.js';

export const createStore = async (adminToken: string, overrides: Parameters<typeof storeInput>[0] = {}) =>
  expectSuccess(await api<Store>('POST', '/stores', { token: adminToken, body: storeInput(overrides) }), 201);

export const createProduct = async (token: string, overrides: Parameters<typeof productInput>[0] = {}) =>
  expectSuccess(await api<ProductView>('POST', '/products', { token, body: productInput(overrides) }), 201);

/** A random EAN-13 with its check digit (the API checks it). */
export const uniqueBarcode = (): string => {
  const body = `9${String(randomInt(1e11)).padStart(11, '0')}`;
  return `${body}${gtinCheckDigit(body)}`;
};

/** A lower-case category slug of its own, so listings in a test see only that test's products. */
export const uniqueCategory = (): string => `e2e-${uniqueSuffix().toLowerCase()}`;

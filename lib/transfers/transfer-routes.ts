import { InvalidStateError } from '../db/status-transition.js';
import { defineRoute, documentRoute, type RouteContract } from '../http/route.js';
import { InsufficientStockError } from '../inventory/stock-change.js';
import {
  CreateTransferBody,
  ListStoreTransfersQuery,
  ReceiveTransferBody,
  StoreTransfersParams,
  TransferPage,
  TransferParams,
  TransferSchema,
} from './transfer-schemas.js';

const tag = 'Transfers';

export const createTransferRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'createTransfer',
    method: 'POST',
    path: '/transfers',
    summary: 'Draft a stock transfer between two stores (admin, manager of the origin)',
    tag,
    access: 'transfers:write',
    body: CreateTransferBody,
  }))();

export const createTransferDocs = /* @__PURE__ */ (() =>
  documentRoute(createTransferRoute, {
    responses: {
      201: { description: 'The DRAFT transfer.', schema: TransferSchema, headers: ['etag', 'location'] },
    },
    errors: [404],
  }))();

export const getTransferRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'getTransfer',
    method: 'GET',
    path: '/transfers/{transferId}',
    summary: 'Get a transfer (visible to callers who may see either store)',
    tag,
    access: 'transfers:read',
    params: TransferParams,
  }))();

export const getTransferDocs = /* @__PURE__ */ (() =>
  documentRoute(getTransferRoute, {
    responses: { 200: { description: 'The transfer.', schema: TransferSchema, headers: ['etag'] } },
    errors: [404],
  }))();

export const listStoreTransfersRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'listStoreTransfers',
    method: 'GET',
    path: '/stores/{storeId}/transfers',
    summary: 'List transfers into or out of a store, newest first, optionally by status',
    tag,
    access: 'transfers:read',
    params: StoreTransfersParams,
    query: ListStoreTransfersQuery,
  }))();

export const listStoreTransfersDocs = /* @__PURE__ */ (() =>
  documentRoute(listStoreTransfersRoute, {
    responses: { 200: { description: 'A page of transfers.', schema: TransferPage } },
    errors: [404],
  }))();

const transitionRoute = <const Id extends string, const Path extends `/transfers/{transferId}/${string}`>(
  operationId: Id,
  path: Path,
  summary: string,
) =>
  defineRoute({
    operationId,
    method: 'POST',
    path,
    summary,
    tag,
    access: 'transfers:write',
    params: TransferParams,
  });

const transitionDocs = (route: RouteContract) =>
  documentRoute(route, {
    responses: {
      200: { description: 'The transfer after the transition.', schema: TransferSchema, headers: ['etag'] },
    },
    errors: [
      404,
      {
        type: InvalidStateError,
        when: 'The transfer is not in a status this action starts from (`allowedFrom`).',
      },
      InsufficientStockError,
      { status: 409, when: 'The transfer changed meanwhile: read it again and retry.' },
    ],
  });

export const readyTransferRoute = /* @__PURE__ */ (() =>
  transitionRoute(
    'readyTransfer',
    '/transfers/{transferId}/ready',
    'DRAFT → READY_TO_SHIP: commit the stock at the origin (409 with shortages when short)',
  ))();

export const readyTransferDocs = /* @__PURE__ */ (() => transitionDocs(readyTransferRoute))();

export const shipTransferRoute = /* @__PURE__ */ (() =>
  transitionRoute(
    'shipTransfer',
    '/transfers/{transferId}/ship',
    'READY_TO_SHIP → IN_TRANSIT: stock leaves the origin and is incoming at the destination',
  ))();

export const shipTransferDocs = /* @__PURE__ */ (() => transitionDocs(shipTransferRoute))();

export const cancelTransferRoute = /* @__PURE__ */ (() =>
  transitionRoute(
    'cancelTransfer',
    '/transfers/{transferId}/cancel',
    'Cancel a DRAFT, READY_TO_SHIP (releases the stock) or IN_TRANSIT transfer (stock returns to the origin)',
  ))();

export const cancelTransferDocs = /* @__PURE__ */ (() => transitionDocs(cancelTransferRoute))();

export const receiveTransferRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'receiveTransfer',
    method: 'POST',
    path: '/transfers/{transferId}/receive',
    summary:
      'IN_TRANSIT → RECEIVED at the destination (manager of the destination); `{}` receives everything shipped',
    tag,
    access: 'transfers:write',
    params: TransferParams,
    body: ReceiveTransferBody,
  }))();

export const receiveTransferDocs = /* @__PURE__ */ (() =>
  documentRoute(receiveTransferRoute, {
    responses: { 200: { description: 'The received transfer.', schema: TransferSchema, headers: ['etag'] } },
    errors: [
      404,
      { type: InvalidStateError, when: 'The transfer is not IN_TRANSIT.' },
      { status: 409, when: 'The transfer changed meanwhile: read it again and retry.' },
    ],
  }))();

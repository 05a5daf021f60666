import {
  createStoreRoute,
  getStoreRoute,
  listStoresRoute,
  updateStoreRoute,
} from '../../lib/stores/store-routes.js';
import type { FunctionDefinition } from '../app-definition-types.js';

export const storeFunctions = {
  createStore: {
    entry: 'functions/stores/create-store.ts',
    description: 'Open a store',
    tableAccess: 'read-write',
    routes: [createStoreRoute],
  },
  listStores: {
    entry: 'functions/stores/list-stores.ts',
    description: 'List stores in the caller’s scope',
    tableAccess: 'read',
    routes: [listStoresRoute],
  },
  getStore: {
    entry: 'functions/stores/get-store.ts',
    description: 'Get a store',
    tableAccess: 'read',
    routes: [getStoreRoute],
  },
  updateStore: {
    entry: 'functions/stores/update-store.ts',
    description: 'Change a store',
    tableAccess: 'read-write',
    routes: [updateStoreRoute],
  },
} as const satisfies Record<string, FunctionDefinition>;

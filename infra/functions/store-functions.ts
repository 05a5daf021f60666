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
    bindings: [{ table: 'read-write' }],
    triggers: [{ kind: 'http', route: createStoreRoute }],
  },
  listStores: {
    entry: 'functions/stores/list-stores.ts',
    description: 'List stores in the caller’s scope',
    bindings: [{ table: 'read' }],
    triggers: [{ kind: 'http', route: listStoresRoute }],
  },
  getStore: {
    entry: 'functions/stores/get-store.ts',
    description: 'Get a store',
    bindings: [{ table: 'read' }],
    triggers: [{ kind: 'http', route: getStoreRoute }],
  },
  updateStore: {
    entry: 'functions/stores/update-store.ts',
    description: 'Change a store',
    bindings: [{ table: 'read-write' }],
    triggers: [{ kind: 'http', route: updateStoreRoute }],
  },
} as const satisfies Record<string, FunctionDefinition>;

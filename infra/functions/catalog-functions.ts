import {
  createProductRoute,
  getProductRoute,
  listProductsRoute,
  updateProductRoute,
} from '../../lib/catalog/product-routes.js';
import type { FunctionDefinition } from '../app-definition-types.js';

export const catalogFunctions = {
  createProduct: {
    entry: 'functions/products/create-product.ts',
    description: 'Add a product to the catalog',
    bindings: [{ table: 'read-write' }],
    triggers: [{ kind: 'http', route: createProductRoute }],
  },
  listProducts: {
    entry: 'functions/products/list-products.ts',
    description: 'List catalog products, or look one up by barcode, SKU or name prefix',
    bindings: [{ table: 'read' }],
    triggers: [{ kind: 'http', route: listProductsRoute }],
  },
  getProduct: {
    entry: 'functions/products/get-product.ts',
    description: 'Get a product',
    bindings: [{ table: 'read' }],
    triggers: [{ kind: 'http', route: getProductRoute }],
  },
  updateProduct: {
    entry: 'functions/products/update-product.ts',
    description: 'Change a product',
    bindings: [{ table: 'read-write' }],
    triggers: [{ kind: 'http', route: updateProductRoute }],
  },
} as const satisfies Record<string, FunctionDefinition>;

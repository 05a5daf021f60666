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
    tableAccess: 'read-write',
    routes: [createProductRoute],
  },
  listProducts: {
    entry: 'functions/products/list-products.ts',
    description: 'List catalog products, or look one up by barcode, SKU or name prefix',
    tableAccess: 'read',
    routes: [listProductsRoute],
  },
  getProduct: {
    entry: 'functions/products/get-product.ts',
    description: 'Get a product',
    tableAccess: 'read',
    routes: [getProductRoute],
  },
  updateProduct: {
    entry: 'functions/products/update-product.ts',
    description: 'Change a product',
    tableAccess: 'read-write',
    routes: [updateProductRoute],
  },
} as const satisfies Record<string, FunctionDefinition>;

import {
  cancelPurchaseOrderRoute,
  closePurchaseOrderRoute,
  createPurchaseOrderRoute,
  getPurchaseOrderRoute,
  listStorePurchaseOrdersRoute,
  orderPurchaseOrderRoute,
  receivePurchaseOrderRoute,
} from '../../lib/purchasing/purchase-order-routes.js';
import {
  createSupplierRoute,
  getSupplierRoute,
  listSuppliersRoute,
  updateSupplierRoute,
} from '../../lib/suppliers/supplier-routes.js';
import type { FunctionDefinition } from '../app-definition-types.js';

export const purchasingFunctions = {
  createSupplier: {
    entry: 'functions/suppliers/create-supplier.ts',
    description: 'Add a supplier',
    tableAccess: 'read-write',
    routes: [createSupplierRoute],
  },
  listSuppliers: {
    entry: 'functions/suppliers/list-suppliers.ts',
    description: 'List suppliers by name',
    tableAccess: 'read',
    routes: [listSuppliersRoute],
  },
  getSupplier: {
    entry: 'functions/suppliers/get-supplier.ts',
    description: 'Get a supplier',
    tableAccess: 'read',
    routes: [getSupplierRoute],
  },
  updateSupplier: {
    entry: 'functions/suppliers/update-supplier.ts',
    description: 'Change a supplier',
    tableAccess: 'read-write',
    routes: [updateSupplierRoute],
  },
  createPurchaseOrder: {
    entry: 'functions/purchase-orders/create-purchase-order.ts',
    description: 'Draft a purchase order',
    tableAccess: 'read-write',
    routes: [createPurchaseOrderRoute],
  },
  getPurchaseOrder: {
    entry: 'functions/purchase-orders/get-purchase-order.ts',
    description: 'Get a purchase order',
    tableAccess: 'read',
    routes: [getPurchaseOrderRoute],
  },
  listStorePurchaseOrders: {
    entry: 'functions/purchase-orders/list-store-purchase-orders.ts',
    description: 'List a store’s purchase orders',
    tableAccess: 'read',
    routes: [listStorePurchaseOrdersRoute],
  },
  orderPurchaseOrder: {
    entry: 'functions/purchase-orders/order-purchase-order.ts',
    description: 'Place a purchase order: its quantities become incoming',
    tableAccess: 'read-write',
    routes: [orderPurchaseOrderRoute],
  },
  receivePurchaseOrder: {
    entry: 'functions/purchase-orders/receive-purchase-order.ts',
    description: 'Book a delivery against a purchase order',
    tableAccess: 'read-write',
    routes: [receivePurchaseOrderRoute],
  },
  closePurchaseOrder: {
    entry: 'functions/purchase-orders/close-purchase-order.ts',
    description: 'Close a purchase order, releasing what is still incoming',
    tableAccess: 'read-write',
    routes: [closePurchaseOrderRoute],
  },
  cancelPurchaseOrder: {
    entry: 'functions/purchase-orders/cancel-purchase-order.ts',
    description: 'Cancel a purchase order, releasing its incoming quantities',
    tableAccess: 'read-write',
    routes: [cancelPurchaseOrderRoute],
  },
} as const satisfies Record<string, FunctionDefinition>;

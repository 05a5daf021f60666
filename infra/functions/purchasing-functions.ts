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
    bindings: [{ table: 'read-write' }],
    triggers: [{ kind: 'http', route: createSupplierRoute }],
  },
  listSuppliers: {
    entry: 'functions/suppliers/list-suppliers.ts',
    description: 'List suppliers by name',
    bindings: [{ table: 'read' }],
    triggers: [{ kind: 'http', route: listSuppliersRoute }],
  },
  getSupplier: {
    entry: 'functions/suppliers/get-supplier.ts',
    description: 'Get a supplier',
    bindings: [{ table: 'read' }],
    triggers: [{ kind: 'http', route: getSupplierRoute }],
  },
  updateSupplier: {
    entry: 'functions/suppliers/update-supplier.ts',
    description: 'Change a supplier',
    bindings: [{ table: 'read-write' }],
    triggers: [{ kind: 'http', route: updateSupplierRoute }],
  },
  createPurchaseOrder: {
    entry: 'functions/purchase-orders/create-purchase-order.ts',
    description: 'Draft a purchase order',
    bindings: [{ table: 'read-write' }],
    triggers: [{ kind: 'http', route: createPurchaseOrderRoute }],
  },
  getPurchaseOrder: {
    entry: 'functions/purchase-orders/get-purchase-order.ts',
    description: 'Get a purchase order',
    bindings: [{ table: 'read' }],
    triggers: [{ kind: 'http', route: getPurchaseOrderRoute }],
  },
  listStorePurchaseOrders: {
    entry: 'functions/purchase-orders/list-store-purchase-orders.ts',
    description: 'List a store’s purchase orders',
    bindings: [{ table: 'read' }],
    triggers: [{ kind: 'http', route: listStorePurchaseOrdersRoute }],
  },
  orderPurchaseOrder: {
    entry: 'functions/purchase-orders/order-purchase-order.ts',
    description: 'Place a purchase order: its quantities become incoming',
    bindings: [{ table: 'read-write' }],
    triggers: [{ kind: 'http', route: orderPurchaseOrderRoute }],
  },
  receivePurchaseOrder: {
    entry: 'functions/purchase-orders/receive-purchase-order.ts',
    description: 'Book a delivery against a purchase order',
    bindings: [{ table: 'read-write' }],
    triggers: [{ kind: 'http', route: receivePurchaseOrderRoute }],
  },
  closePurchaseOrder: {
    entry: 'functions/purchase-orders/close-purchase-order.ts',
    description: 'Close a purchase order, releasing what is still incoming',
    bindings: [{ table: 'read-write' }],
    triggers: [{ kind: 'http', route: closePurchaseOrderRoute }],
  },
  cancelPurchaseOrder: {
    entry: 'functions/purchase-orders/cancel-purchase-order.ts',
    description: 'Cancel a purchase order, releasing its incoming quantities',
    bindings: [{ table: 'read-write' }],
    triggers: [{ kind: 'http', route: cancelPurchaseOrderRoute }],
  },
} as const satisfies Record<string, FunctionDefinition>;

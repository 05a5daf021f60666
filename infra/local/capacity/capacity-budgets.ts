/**
 * The capacity budget of every measured operation, declared once: `budget` is the most it may
 * consume (the capacity test fails above it), `minimum` what its data model allows, and `why`
 * says what that minimum is made of. Units are DynamoDB Local's report of one request measured
 * as its user's first in the container, so the revocation check's GetItem (0.5 RCU) is in every
 * authorized figure (docs/performance.md, "Capacity units per operation").
 *
 * Budgets are today's measured figures: a change that makes an operation cost more fails the
 * test; a change that makes it cheaper lowers its budget here (and `npm run perf:docs`).
 */

export interface CapacityUnits {
  read: number;
  write: number;
}

export interface CapacityBudget {
  budget: CapacityUnits;
  minimum: CapacityUnits;
  why: string;
}

export const CAPACITY_BUDGETS: Record<string, CapacityBudget> = {
  adjustCustomerPoints: {
    budget: { read: 2.5, write: 2 },
    minimum: { read: 1.5, write: 2 },
    why: 'The revocation read (0.5), the idempotency record (GetItem 1) and the customer after the change (GetItem 1): the balance moves by an atomic ADD in one transaction (2×) with the entry and the record, a transaction returns no item, and the answer’s balance is one this request never read (reading it before, with a condition on it, costs the same).',
  },
  'adjustInventory (level with a reorder rule)': {
    budget: { read: 3.5, write: 8 },
    minimum: { read: 2.5, write: 8 },
    why: 'The revocation read (0.5), the store (GetItem 1, remembered by the container afterwards), the SKU guard (GetItem 1) and the level after the change (GetItem 1): the level moves by atomic counters in one transaction (2×) with its movement, and the level’s entry in gsi4 (its keys-only gsi9 entry does not change with quantities); a transaction returns no item, and the answer is the new level, which this request never read (reading it before instead, with a version condition, costs the same and makes the adjustment lose races to every sale of the SKU).',
  },
  cancelOrder: {
    budget: { read: 1.5, write: 12 },
    minimum: { read: 1.5, write: 12 },
    why: 'One transaction (2×) of the order and the released levels; an UpdateItem of what changed; the status moves the order’s gsi7 summary (old deleted, new written: 2 × 2) and changes its gsi8 summary (1 × 2); the keys-only gsi9/gsi10 entries are not written.',
  },
  cancelPurchaseOrder: {
    budget: { read: 1.5, write: 4 },
    minimum: { read: 1.5, write: 4 },
    why: 'The revocation read (0.5) and the reads the change depends on (GetItem 1); one item changes: one conditional write (1×, not a one-item transaction’s 2×) of the item and its entries in gsi1, gsi2.',
  },
  cancelTransfer: {
    budget: { read: 1.5, write: 10 },
    minimum: { read: 1.5, write: 10 },
    why: 'The revocation read (0.5) and the reads the change depends on (GetItem 1); one transaction (2×) of 3 items that change together and their entries in gsi1, gsi2.',
  },
  closePurchaseOrder: {
    budget: { read: 1.5, write: 10 },
    minimum: { read: 1.5, write: 10 },
    why: 'The revocation read (0.5) and the reads the change depends on (GetItem 1); one transaction (2×) of 3 items that change together and their entries in gsi1, gsi2.',
  },
  completeOrder: {
    budget: { read: 1.5, write: 12 },
    minimum: { read: 1.5, write: 12 },
    why: 'One transaction (2×) of the order and its guards; an UpdateItem of what changed; the status moves the order’s gsi7 summary (old deleted, new written: 2 × 2) and changes its gsi8 summary (1 × 2); the keys-only gsi9/gsi10 entries are not written.',
  },
  createCustomer: {
    budget: { read: 1.5, write: 2 },
    minimum: { read: 1.5, write: 2 },
    why: 'The revocation read (0.5) and the reads the change depends on (GetItem 1); one transaction (2×) of 3 items that change together.',
  },
  createFeedback: {
    budget: { read: 2.5, write: 2 },
    minimum: { read: 2.5, write: 2 },
    why: 'The revocation read (0.5) and the reads the change depends on (GetItem 1, GetItem 1); one transaction (2×) of 2 items that change together.',
  },
  createImport: {
    budget: { read: 0.5, write: 1 },
    minimum: { read: 0.5, write: 1 },
    why: 'The revocation read (0.5); one item changes: one conditional write (1×, not a one-item transaction’s 2×) of the item.',
  },
  'createOrder (2 lines, customer)': {
    budget: { read: 3.5, write: 20 },
    minimum: { read: 3.5, write: 20 },
    why: 'One transaction (2×) of the order (~1.6 KB: 2 WCU), both levels, the idempotency record and the customer check, with the order’s four index entries small (gsi7/gsi8 a summary, gsi9/gsi10 keys only: 1 WCU each, not the 2 of the whole order) and the levels’ keys-only gsi9 entries unchanged; reads: revocation, one BatchGet by key (idempotency record, store, the live promotions card, the region’s rate card, the SKU guards of a container that has not seen them), then the products the guards name. No customer read (the transaction checks it) and no Query of promotions or tax rates (the cards).',
  },
  createProduct: {
    budget: { read: 0.5, write: 18 },
    minimum: { read: 0.5, write: 18 },
    why: 'One transaction (2×) of the product, its SKU and barcode guards and their index entries (gsi1/gsi2/gsi6 list products): every guard is needed for uniqueness.',
  },
  createPromotion: {
    budget: { read: 2.5, write: 10 },
    minimum: { read: 2.5, write: 10 },
    why: 'The revocation read (0.5), the stores and SKUs it names (BatchGetItem 1) and the live promotions card (GetItem 1, strongly consistent: the card’s write is conditional on its version); one transaction (2×) of the promotion, its coupon guard and the card (~2 KB with the demo’s promotions), and the promotion’s gsi1 entry. The card costs this change +1 RCU / +4 WCU so that every order reads the live promotions as one key of its BatchGet instead of a Query.',
  },
  createPurchaseOrder: {
    budget: { read: 1.5, write: 8 },
    minimum: { read: 1.5, write: 8 },
    why: 'The revocation read (0.5) and the reads the change depends on (BatchGetItem 1); one transaction (2×) of 3 items that change together and their entries in gsi1, gsi2.',
  },
  createStore: {
    budget: { read: 0.5, write: 6 },
    minimum: { read: 0.5, write: 6 },
    why: 'The revocation read (0.5); one transaction (2×) of 2 items that change together and their entries in gsi1.',
  },
  createSupplier: {
    budget: { read: 0.5, write: 2 },
    minimum: { read: 0.5, write: 2 },
    why: 'The revocation read (0.5); one item changes: one conditional write (1×, not a one-item transaction’s 2×) of the item and its entry in gsi1.',
  },
  createTaxRate: {
    budget: { read: 1.5, write: 8 },
    minimum: { read: 1.5, write: 8 },
    why: 'The revocation read (0.5) and the region’s rate card (GetItem 1, strongly consistent: its write is conditional on its version; a region without one yet Queries its rates to build it); one transaction (2×) of the rate with its gsi1/gsi2 entries and the card. The card turns a single write (3 WCU) into this transaction: the price of an order reading every rate of its region as one key of its BatchGet instead of a Query per category.',
  },
  createTransfer: {
    budget: { read: 1.5, write: 8 },
    minimum: { read: 1.5, write: 8 },
    why: 'The revocation read (0.5) and the reads the change depends on (BatchGetItem 1); one transaction (2×) of 5 items that change together and their entries in gsi1, gsi2.',
  },
  createUser: {
    budget: { read: 0.5, write: 8 },
    minimum: { read: 0.5, write: 8 },
    why: 'The revocation read (0.5); one transaction (2×) of 2 items that change together and their entries in gsi1, gsi2.',
  },
  disableUser: {
    budget: { read: 1.5, write: 3 },
    minimum: { read: 1.5, write: 3 },
    why: 'The revocation read (0.5) and the reads the change depends on (GetItem 1); one item changes: one conditional write (1×, not a one-item transaction’s 2×) of the item and its entries in gsi1, gsi2.',
  },
  eraseCustomer: {
    budget: { read: 2.5, write: 2 },
    minimum: { read: 2.5, write: 2 },
    why: 'The revocation read, the consistent read of the customer, one transaction that replaces the personal fields, and the Query of what else holds them.',
  },
  exportCustomer: {
    budget: { read: 5, write: 0 },
    minimum: { read: 5, write: 0 },
    why: 'The revocation read, the customer (consistent) and one Query per kind of personal data it holds (orders, points, feedback, audit): a subject access export reads everything once.',
  },
  findCustomers: {
    budget: { read: 2.5, write: 0 },
    minimum: { read: 2.5, write: 0 },
    why: 'The revocation read (0.5) and the reads by key and Query the answer is built from.',
  },
  fulfilOrder: {
    budget: { read: 1.5, write: 16 },
    minimum: { read: 1.5, write: 16 },
    why: 'One transaction (2×) of the order and the levels it ships from; an UpdateItem of what changed; the status moves the order’s gsi7 summary (old deleted, new written: 2 × 2) and changes its gsi8 summary (1 × 2); the keys-only gsi9/gsi10 entries are not written.',
  },
  getCustomerPoints: {
    budget: { read: 2, write: 0 },
    minimum: { read: 2, write: 0 },
    why: 'The revocation read (0.5) and the reads by key and Query the answer is built from.',
  },
  getCustomer: {
    budget: { read: 1.5, write: 0 },
    minimum: { read: 1.5, write: 0 },
    why: 'The revocation read (0.5) and one strongly consistent GetItem: a client reads its own writes and sends the ETag back as If-Match.',
  },
  getImport: {
    budget: { read: 1.5, write: 0 },
    minimum: { read: 1.5, write: 0 },
    why: 'The revocation read (0.5) and one strongly consistent GetItem: a client reads its own writes and sends the ETag back as If-Match.',
  },
  getInventoryLevel: {
    budget: { read: 2.5, write: 0 },
    minimum: { read: 2.5, write: 0 },
    why: 'The revocation read (0.5) and the reads by key and Query the answer is built from.',
  },
  getOrderReceipt: {
    budget: { read: 2.5, write: 0 },
    minimum: { read: 2.5, write: 0 },
    why: "The revocation read, the order's partition and the receipt item.",
  },
  getOrder: {
    budget: { read: 1.5, write: 0 },
    minimum: { read: 1.5, write: 0 },
    why: "The revocation read and one consistent Query of the order's partition (the order item): the answer carries the ETag a payment's If-Match sends back.",
  },
  getProduct: {
    budget: { read: 1.5, write: 0 },
    minimum: { read: 1.5, write: 0 },
    why: 'The revocation read (0.5) and one strongly consistent GetItem: a client reads its own writes and sends the ETag back as If-Match.',
  },
  getPromotion: {
    budget: { read: 1.5, write: 0 },
    minimum: { read: 1.5, write: 0 },
    why: 'The revocation read (0.5) and one strongly consistent GetItem: a client reads its own writes and sends the ETag back as If-Match.',
  },
  getPurchaseOrder: {
    budget: { read: 1.5, write: 0 },
    minimum: { read: 1.5, write: 0 },
    why: 'The revocation read (0.5) and one strongly consistent GetItem: a client reads its own writes and sends the ETag back as If-Match.',
  },
  getSalesReport: {
    budget: { read: 1, write: 0 },
    minimum: { read: 1, write: 0 },
    why: 'The revocation read and one eventually consistent Query per rollup partition of the range (rollups lag their events anyway).',
  },
  getStockReport: {
    budget: { read: 7, write: 0 },
    minimum: { read: 7, write: 0 },
    why: "The revocation read, the report's rollup Queries and one BatchGet of the levels it lists (eventually consistent: a report lags its events anyway).",
  },
  getStocktake: {
    budget: { read: 2.5, write: 0 },
    minimum: { read: 2.5, write: 0 },
    why: 'The revocation read (0.5) and the reads by key and Query the answer is built from.',
  },
  getStore: {
    budget: { read: 1.5, write: 0 },
    minimum: { read: 1.5, write: 0 },
    why: 'The revocation read (0.5) and one strongly consistent GetItem: a client reads its own writes and sends the ETag back as If-Match.',
  },
  getSupplier: {
    budget: { read: 1.5, write: 0 },
    minimum: { read: 1.5, write: 0 },
    why: 'The revocation read (0.5) and one strongly consistent GetItem: a client reads its own writes and sends the ETag back as If-Match.',
  },
  getTakingsReport: {
    budget: { read: 1, write: 0 },
    minimum: { read: 1, write: 0 },
    why: 'The revocation read and the eventually consistent rollup reads of the day (rollups lag their events anyway).',
  },
  getTaxRate: {
    budget: { read: 1, write: 0 },
    minimum: { read: 1, write: 0 },
    why: 'The revocation read (0.5) and one eventually consistent Query page: a listing may lag a write by a second.',
  },
  getTransfer: {
    budget: { read: 1.5, write: 0 },
    minimum: { read: 1.5, write: 0 },
    why: 'The revocation read (0.5) and one strongly consistent GetItem: a client reads its own writes and sends the ETag back as If-Match.',
  },
  getUser: {
    budget: { read: 1.5, write: 0 },
    minimum: { read: 1.5, write: 0 },
    why: 'The revocation read (0.5) and one strongly consistent GetItem: a client reads its own writes and sends the ETag back as If-Match.',
  },
  health: {
    budget: { read: 0, write: 0 },
    minimum: { read: 0, write: 0 },
    why: 'Public: answered without reading the table.',
  },
  listCustomerOrders: {
    budget: { read: 2, write: 0 },
    minimum: { read: 1, write: 0 },
    why: 'The revocation read (0.5), one eventually consistent Query page of the keys-only gsi9 (a customer’s orders) and one BatchGet of the page’s order summaries: the keys-only index is what keeps every order change from rewriting a customer listing entry.',
  },
  listEntityAudit: {
    budget: { read: 0.5, write: 0 },
    minimum: { read: 0.5, write: 0 },
    why: 'The revocation read (0.5) and one eventually consistent Query page: a listing may lag a write by a second.',
  },
  listFeedback: {
    budget: { read: 2, write: 0 },
    minimum: { read: 2, write: 0 },
    why: 'The revocation read (0.5) and the reads by key and Query the answer is built from.',
  },
  listInventoryMovements: {
    budget: { read: 2, write: 0 },
    minimum: { read: 2, write: 0 },
    why: 'The revocation read (0.5) and the reads by key and Query the answer is built from.',
  },
  listOrders: {
    budget: { read: 1, write: 0 },
    minimum: { read: 1, write: 0 },
    why: 'The revocation read (0.5) and one eventually consistent Query page: a listing may lag a write by a second.',
  },
  listProductInventory: {
    budget: { read: 7, write: 0 },
    minimum: { read: 2, write: 0 },
    why: 'The revocation read (0.5), the product (GetItem 1), one Query page of the keys-only gsi9 and one BatchGet of the levels it names (0.5 each): dearer than the ALL-projected listing it replaced (2 RCU), in exchange for no index write on any stock change (2 WCU per level per change saved).',
  },
  listProducts: {
    budget: { read: 2.5, write: 0 },
    minimum: { read: 2.5, write: 0 },
    why: 'The revocation read and one eventually consistent Query page of 25 products (projected whole: 2 RCU; a summary projection would make it 0.5).',
  },
  listPromotions: {
    budget: { read: 1, write: 0 },
    minimum: { read: 1, write: 0 },
    why: 'The revocation read (0.5) and one eventually consistent Query page: a listing may lag a write by a second.',
  },
  listStocktakes: {
    budget: { read: 1, write: 0 },
    minimum: { read: 1, write: 0 },
    why: 'The revocation read (0.5) and one eventually consistent Query page: a listing may lag a write by a second.',
  },
  listStoreAudit: {
    budget: { read: 0.5, write: 0 },
    minimum: { read: 0.5, write: 0 },
    why: 'The revocation read (0.5) and one eventually consistent Query page: a listing may lag a write by a second.',
  },
  listStoreInventory: {
    budget: { read: 1, write: 0 },
    minimum: { read: 1, write: 0 },
    why: 'The revocation read (0.5) and one eventually consistent Query page: a listing may lag a write by a second.',
  },
  listStoreOrders: {
    budget: { read: 1, write: 0 },
    minimum: { read: 1, write: 0 },
    why: 'The revocation read (0.5) and one eventually consistent Query page: a listing may lag a write by a second.',
  },
  listStorePurchaseOrders: {
    budget: { read: 1, write: 0 },
    minimum: { read: 1, write: 0 },
    why: 'The revocation read (0.5) and one eventually consistent Query page: a listing may lag a write by a second.',
  },
  listStoreReplenishments: {
    budget: { read: 0.5, write: 0 },
    minimum: { read: 0.5, write: 0 },
    why: 'The revocation read (0.5) and one eventually consistent Query page: a listing may lag a write by a second.',
  },
  listStoreTransfers: {
    budget: { read: 1, write: 0 },
    minimum: { read: 1, write: 0 },
    why: 'The revocation read (0.5) and one eventually consistent Query page: a listing may lag a write by a second.',
  },
  listStores: {
    budget: { read: 1, write: 0 },
    minimum: { read: 1, write: 0 },
    why: 'The revocation read (0.5) and one eventually consistent Query page: a listing may lag a write by a second.',
  },
  listSuppliers: {
    budget: { read: 1, write: 0 },
    minimum: { read: 1, write: 0 },
    why: 'The revocation read (0.5) and one eventually consistent Query page: a listing may lag a write by a second.',
  },
  listTaxRates: {
    budget: { read: 1, write: 0 },
    minimum: { read: 1, write: 0 },
    why: 'The revocation read (0.5) and one eventually consistent Query page: a listing may lag a write by a second.',
  },
  listUsers: {
    budget: { read: 1, write: 0 },
    minimum: { read: 1, write: 0 },
    why: 'The revocation read (0.5) and one eventually consistent Query page: a listing may lag a write by a second.',
  },
  openApi: {
    budget: { read: 0, write: 0 },
    minimum: { read: 0, write: 0 },
    why: 'Public: answered without reading the table.',
  },
  orderPurchaseOrder: {
    budget: { read: 1.5, write: 10 },
    minimum: { read: 1.5, write: 10 },
    why: 'The revocation read (0.5) and the reads the change depends on (GetItem 1); one transaction (2×) of 3 items that change together and their entries in gsi1, gsi2.',
  },
  readyTransfer: {
    budget: { read: 1.5, write: 10 },
    minimum: { read: 1.5, write: 10 },
    why: 'The revocation read (0.5) and the reads the change depends on (GetItem 1); one transaction (2×) of 7 items that change together and their entries in gsi1, gsi2.',
  },
  receivePurchaseOrder: {
    budget: { read: 1.5, write: 16 },
    minimum: { read: 1.5, write: 16 },
    why: 'The revocation read (0.5) and the reads the change depends on (GetItem 1); one transaction (2×) of 3 items that change together and their entries in gsi1, gsi2, gsi4.',
  },
  receiveTransfer: {
    budget: { read: 1.5, write: 10 },
    minimum: { read: 1.5, write: 10 },
    why: 'The revocation read (0.5) and the reads the change depends on (GetItem 1); one transaction (2×) of 5 items that change together and their entries in gsi1, gsi2.',
  },
  'recordOrderPayment (part)': {
    budget: { read: 1.5, write: 6 },
    minimum: { read: 1.5, write: 6 },
    why: 'An UpdateItem of the amounts on the order (2 WCU) and the payment item, in one transaction (2×); no index entry carries the amounts, so no index is written; reads: revocation and the consistent read the version condition depends on.',
  },
  'refundOrder (1 line, restocked)': {
    budget: { read: 4, write: 6 },
    minimum: { read: 4, write: 6 },
    why: 'One transaction (2×) of the order, the refund, the restocked level and the receipt, with the order’s index entries small (gsi7/gsi8 a summary, gsi9/gsi10 keys only: 1 WCU each, not the 2 of the whole order).',
  },
  removeReorderRule: {
    budget: { read: 2.5, write: 2 },
    minimum: { read: 2.5, write: 2 },
    why: 'The revocation read (0.5) and the reads the change depends on (GetItem 1, GetItem 1); UpdateItem of the items that change and the level’s entry in gsi4 (the rule leaves the reorder watch).',
  },
  resolveFeedback: {
    budget: { read: 1.5, write: 2 },
    minimum: { read: 1.5, write: 2 },
    why: 'The revocation read (0.5) and the reads the change depends on (GetItem 1); one transaction (2×) of 2 items that change together.',
  },
  routeNotFound: {
    budget: { read: 0, write: 0 },
    minimum: { read: 0, write: 0 },
    why: 'Public: answered without reading the table.',
  },
  setReorderRule: {
    budget: { read: 2, write: 2 },
    minimum: { read: 1.5, write: 2 },
    why: 'The revocation read (0.5), the SKU guard (GetItem 1) and the preferred supplier (eventually consistent GetItem 0.5: suppliers are never deleted, so one seen is proof); one UpdateItem (1×) of the level and its entry in gsi4 (its keys-only gsi9 entry does not change) that returns what it wrote: no transaction, no read back.',
  },
  shipTransfer: {
    budget: { read: 1.5, write: 14 },
    minimum: { read: 1.5, write: 14 },
    why: 'The revocation read (0.5) and the reads the change depends on (GetItem 1); one transaction (2×) of 11 items that change together and their entries in gsi1, gsi2, gsi4.',
  },
  submitStocktake: {
    budget: { read: 1.5, write: 5 },
    minimum: { read: 1.5, write: 5 },
    why: 'The revocation read, one BatchGet of the counted levels, one transaction per batch of corrected levels (2×) and the stocktake record.',
  },
  updateCustomer: {
    budget: { read: 1.5, write: 2 },
    minimum: { read: 1.5, write: 2 },
    why: 'The revocation read (0.5) and the reads the change depends on (GetItem 1); one transaction (2×) of 3 items that change together.',
  },
  updateProduct: {
    budget: { read: 1.5, write: 12 },
    minimum: { read: 1.5, write: 12 },
    why: 'The revocation read and the product (GetItem 1); one item changes: one conditional write (1×, not a one-item transaction’s 2×); a status change moves its gsi1 and gsi2 sort keys (two index writes each).',
  },
  updatePromotion: {
    budget: { read: 2.5, write: 8 },
    minimum: { read: 2.5, write: 8 },
    why: 'The revocation read (0.5), the promotion (GetItem 1) and the live promotions card (GetItem 1, strongly consistent: its write is conditional on its version); one transaction (2×) of the promotion’s UpdateItem, its gsi1 entry and the card (~2 KB). The card turns a single write (2 WCU) into this transaction: the price of an order reading the live promotions by key; a change to a promotion that neither was nor is live writes no card.',
  },
  updateStore: {
    budget: { read: 1.5, write: 2 },
    minimum: { read: 1.5, write: 2 },
    why: 'The revocation read (0.5) and the reads the change depends on (GetItem 1); one item changes: one conditional write (1×, not a one-item transaction’s 2×) of the item and its entry in gsi1.',
  },
  updateSupplier: {
    budget: { read: 1.5, write: 2 },
    minimum: { read: 1.5, write: 2 },
    why: 'The revocation read (0.5) and the reads the change depends on (GetItem 1); one item changes: one conditional write (1×, not a one-item transaction’s 2×) of the item and its entry in gsi1.',
  },
  updateUser: {
    budget: { read: 1.5, write: 3 },
    minimum: { read: 1.5, write: 3 },
    why: 'The revocation read (0.5) and the reads the change depends on (GetItem 1); one item changes: one conditional write (1×, not a one-item transaction’s 2×) of the item and its entries in gsi1, gsi2.',
  },
  'createOrder (1 line)': {
    budget: { read: 2.5, write: 10 },
    minimum: { read: 2.5, write: 10 },
    why: 'One transaction (2×) of the order, its level and the idempotency record, with the order’s index entries small (gsi7/gsi8 a summary, gsi9/gsi10 keys only: 1 WCU each, not the 2 of the whole order); reads: revocation and one BatchGet by key, the pricing cards among it.',
  },
  'createOrder (2 lines, customer; a busy till)': {
    budget: { read: 1.5, write: 20 },
    minimum: { read: 1.5, write: 20 },
    why: 'As the first order, with the store and the two pricing cards as this container read them for an order within the last few seconds (lib/db/recent-reads.ts): the revocation read and one BatchGet of the idempotency record and the products (the container knows which product sells each SKU), nothing else.',
  },
  'createOrder (10 lines, customer)': {
    budget: { read: 6.5, write: 26 },
    minimum: { read: 6.5, write: 26 },
    why: 'One transaction (2×) of the 5 KB order, ten levels, the idempotency record and the customer check, with the order’s index entries small (gsi7/gsi8 a summary, gsi9/gsi10 keys only: 1 WCU each, not the 2 of the whole order); reads: revocation and one BatchGet by key of the products, the pricing cards among it.',
  },
  'recordOrderPayment (final → PAID)': {
    budget: { read: 3, write: 12 },
    minimum: { read: 3, write: 12 },
    why: 'As a part payment, plus the receipt number; the status moves the order’s gsi7 summary (old deleted, new written: 2 × 2) and changes the gsi8 summary (1 × 2); gsi9/gsi10 hold keys only and are not written.',
  },
  'adjustInventory (level without a reorder rule)': {
    budget: { read: 2.5, write: 2 },
    minimum: { read: 1.5, write: 2 },
    why: 'The revocation read (0.5), the SKU guard (GetItem 1) and the level after the change (GetItem 1): the level moves by atomic counters in one transaction (2×) with its movement, and no index entry (the level’s gsi9 entry is keys only); a transaction returns no item, and the answer is the new level, which this request never read (reading it before instead, with a version condition, costs the same and makes the adjustment lose races to every sale of the SKU).',
  },
};

/**
 * Which events the bus archive keeps for replay (EventBridge archive pattern; the local bus
 * replays only these too). Every domain event, but not `Inventory.StockAlert`: it is derived
 * (replaying its crossing makes the planner answer again, and its sent-record keeps the alert
 * from going twice), and replaying it would message people a second time.
 */
export const EVENT_ARCHIVE_PATTERN = {
  source: [{ prefix: 'storefleet.' }],
  'detail-type': [{ 'anything-but': ['Inventory.StockAlert'] }],
} as const;

/** How long the archive keeps events, in days; the stock alert's sent-records live as long. */
export const EVENT_ARCHIVE_RETENTION_DAYS = 30;

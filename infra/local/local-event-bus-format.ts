/** How `npm run events` prints one archived event, and how it reads `--since`. */
import type { BusEvent } from './local-event-bus.js';

const ID_FIELDS = [
  'storeId',
  'fromStoreId',
  'toStoreId',
  'sku',
  'productId',
  'orderId',
  'transferId',
  'purchaseOrderId',
  'customerId',
  'stocktakeId',
  'supplierId',
] as const;

type Detail = Record<string, unknown>;
const asDetail = (value: unknown): Detail =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Detail) : {};
const num = (value: unknown) => (typeof value === 'number' ? value : undefined);

/** A short summary from the fields consumers read most; empty when there is nothing to say. */
const summarize = (detail: Detail): string => {
  const parts: string[] = [];
  const before = asDetail(detail.before);
  const after = asDetail(detail.after);
  const available = num(detail.available) ?? num(after.available);
  const availableBefore = num(before.available);
  if (available !== undefined)
    parts.push(
      availableBefore !== undefined ? `available ${availableBefore}→${available}` : `available ${available}`,
    );
  const reorderPoint = num(detail.reorderPoint);
  if (reorderPoint !== undefined) parts.push(`reorder point ${reorderPoint}`);
  const status = detail.status ?? after.status;
  if (typeof status === 'string') {
    const from = before.status;
    parts.push(typeof from === 'string' && from !== status ? `${from}→${status}` : status);
  }
  if (typeof detail.actor === 'string') parts.push(`by ${detail.actor}`);
  return parts.join(', ');
};

/** `2026-12-01 10:30:01  Inventory.LowStock  storefleet.inventory  storeId=st_syd sku=X  available 6→4, …` */
export const formatEvent = (event: BusEvent): string => {
  const detail = asDetail(event.detail);
  const ids = ID_FIELDS.filter(
    (field) => typeof detail[field] === 'string' || typeof detail[field] === 'number',
  )
    .map((field) => `${field}=${String(detail[field])}`)
    .join(' ');
  const time = typeof event.time === 'string' ? event.time.replace('T', ' ').replace(/Z$/, '') : '?';
  const columns = [time, event['detail-type'], event.source, ids, summarize(detail)].filter(Boolean);
  const replay = event['replay-name'] ? `  [replay ${event['replay-name']}]` : '';
  return `${columns.join('  ')}${replay}`;
};

const UNITS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** An ISO time, or a duration back from now: `30s`, `10m`, `2h`, `1d`. */
export const parseSince = (text: string, now: Date = new Date()): Date => {
  const relative = /^(\d+)([smhd])$/.exec(text.trim());
  if (relative)
    return new Date(now.getTime() - Number(relative[1]) * (UNITS[relative[2] as string] as number));
  const date = /^\d{4}-\d{2}-\d{2}/.test(text) ? new Date(text) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime()))
    throw new Error(
      `--since takes an ISO time (2026-12-01T09:00:00Z) or a duration (30s, 10m, 2h, 1d), not "${text}"`,
    );
  return date;
};

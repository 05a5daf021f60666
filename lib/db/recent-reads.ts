import type { MiddlewareTarget } from './client-middleware.js';
import type { TableKey } from './keys.js';

/**
 * Items this container read in the last few seconds, for reads whose staleness the caller
 * has decided is harmless: order placement's store and pricing cards (lib/orders/order-context.ts).
 * A few seconds is the window: an eventually consistent read may already be a second old, and
 * a store, promotion or tax rate changed by staff reaches every till within it, while a busy
 * container stops reading the same three items on every order (docs/performance.md, "Hot
 * paths"). A write this container makes to a remembered item forgets it at once
 * (`attachRecentReadsInvalidation`), so one process (the local runtime, the tests) sees its own
 * changes immediately. Bounded like every per-container memory.
 */
export const RECENT_READ_TTL_MS = 5_000;
const RECENT_READS_LIMIT = 1_000;

const recent = new Map<string, { item: Record<string, unknown>; readAt: number }>();

const idOf = (pk: string, sk: string): string => `${pk}\u0000${sk}`;

/** The item read for `key` within the window, if any. */
export const recentItem = (key: TableKey, now = Date.now()): Record<string, unknown> | undefined => {
  const entry = recent.get(idOf(key.pk, key.sk));
  if (!entry) return undefined;
  if (now - entry.readAt < RECENT_READ_TTL_MS) return entry.item;
  recent.delete(idOf(key.pk, key.sk));
  return undefined;
};

/** Remembers an item just read (by its own key). */
export const rememberItem = (item: Record<string, unknown>, now = Date.now()): void => {
  if (typeof item.pk !== 'string' || typeof item.sk !== 'string') return;
  if (recent.size >= RECENT_READS_LIMIT) recent.clear();
  recent.set(idOf(item.pk, item.sk), { item, readAt: now });
};

/** Forgets everything (tests that change an item behind this container's back). */
export const forgetRecentReads = (): void => recent.clear();

/** A key attribute as the document client (a string) or the base client (`{ S }`) carries it. */
const keyValue = (value: unknown): string | undefined =>
  typeof value === 'string'
    ? value
    : typeof value === 'object' && value !== null && typeof (value as { S?: unknown }).S === 'string'
      ? (value as { S: string }).S
      : undefined;

const forgetKeyOf = (item: unknown): void => {
  if (recent.size === 0 || typeof item !== 'object' || item === null) return;
  const { pk, sk } = item as { pk?: unknown; sk?: unknown };
  const [p, s] = [keyValue(pk), keyValue(sk)];
  if (p !== undefined && s !== undefined) recent.delete(idOf(p, s));
};

interface WriteInput {
  Item?: unknown;
  Key?: unknown;
  TransactItems?: { Put?: { Item?: unknown }; Update?: { Key?: unknown }; Delete?: { Key?: unknown } }[];
  RequestItems?: Record<string, unknown>;
}

const WRITE_COMMANDS = new Set([
  'PutCommand',
  'UpdateCommand',
  'DeleteCommand',
  'TransactWriteCommand',
  'BatchWriteCommand',
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'TransactWriteItemsCommand',
  'BatchWriteItemCommand',
]);

/** Forgets the remembered items a successful write command touched. */
export const forgetWritten = (commandName: string | undefined, input: WriteInput): void => {
  if (recent.size === 0 || !commandName || !WRITE_COMMANDS.has(commandName)) return;
  forgetKeyOf(input.Item);
  forgetKeyOf(input.Key);
  for (const action of input.TransactItems ?? []) {
    forgetKeyOf(action.Put?.Item);
    forgetKeyOf(action.Update?.Key);
    forgetKeyOf(action.Delete?.Key);
  }
  for (const requests of Object.values(input.RequestItems ?? {})) {
    if (!Array.isArray(requests)) continue;
    for (const request of requests as {
      PutRequest?: { Item?: unknown };
      DeleteRequest?: { Key?: unknown };
    }[]) {
      forgetKeyOf(request.PutRequest?.Item);
      forgetKeyOf(request.DeleteRequest?.Key);
    }
  }
};

/** Makes every successful write through `client` forget the remembered items it touched. */
export const attachRecentReadsInvalidation = (client: MiddlewareTarget): void => {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      forgetWritten(context.commandName, args.input as WriteInput);
      return result;
    },
    { step: 'initialize', name: 'storefleetRecentReadsInvalidation' },
  );
};

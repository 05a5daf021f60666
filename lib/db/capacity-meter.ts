/**
 * Capacity units consumed by a piece of work, as DynamoDB reports them. The benchmark and the
 * capacity test run an API operation inside `meterCapacity`; while a meter is active the
 * document client's middleware asks every command for `ReturnConsumedCapacity: 'INDEXES'` and
 * records what it consumed, per table and per index. With no meter active the middleware
 * passes the command through untouched, so production requests pay nothing for it.
 *
 * AsyncLocalStorage scopes a meter to the async work started inside it: concurrent operations
 * (or a stream consumer running beside a request) never mix their readings.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ConsumedCapacity } from '@aws-sdk/client-dynamodb';
import type { MiddlewareTarget } from './client-middleware.js';

export interface CapacityCall {
  /** The command's name without the `Command` suffix: 'GetItem', 'TransactWriteItems', … */
  command: string;
  read: number;
  write: number;
  /** Units per index (`gsi1`, …), included in `read`/`write`. */
  indexes: Record<string, number>;
  /** Actions in a transaction (a one-action transaction costs twice the plain write). */
  items?: number;
  /** The error the command failed with (DynamoDB returns no consumed capacity for those). */
  failed?: string;
}

export interface CapacityReading {
  /** Read units, table and indexes summed. */
  read: number;
  /** Write units, table and indexes summed. */
  write: number;
  calls: CapacityCall[];
}

const meters = new AsyncLocalStorage<CapacityCall[]>();

/**
 * Runs `work` and returns its result with the capacity units its DynamoDB commands consumed.
 * A meter inside another one records its work only in its own reading.
 */
export const meterCapacity = async <T>(
  work: () => Promise<T>,
): Promise<{ result: T; reading: CapacityReading }> => {
  const calls: CapacityCall[] = [];
  const result = await meters.run(calls, work);
  return { result, reading: summarise(calls) };
};

/** Units add up in halves and thousandths (transactions, 0.5 RCU reads): keep sums exact-looking. */
const round = (units: number): number => Math.round(units * 1000) / 1000;

export const summarise = (calls: readonly CapacityCall[]): CapacityReading => ({
  read: round(calls.reduce((sum, call) => sum + call.read, 0)),
  write: round(calls.reduce((sum, call) => sum + call.write, 0)),
  calls: [...calls],
});

const READ_COMMANDS = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems']);

/**
 * One call's units from DynamoDB's ConsumedCapacity entries (one per table touched). A read
 * command's units are reads and any other command's are writes, so that a transaction's
 * condition checks count with the writes they guard.
 */
export const capacityCall = (command: string, consumed: readonly ConsumedCapacity[]): CapacityCall => {
  const indexes: Record<string, number> = {};
  let units = 0;
  for (const entry of consumed) {
    units += entry.CapacityUnits ?? 0;
    const byIndex = { ...entry.GlobalSecondaryIndexes, ...entry.LocalSecondaryIndexes };
    for (const [name, capacity] of Object.entries(byIndex))
      indexes[name] = round((indexes[name] ?? 0) + (capacity.CapacityUnits ?? 0));
  }
  const isRead = READ_COMMANDS.has(command);
  return { command, read: isRead ? round(units) : 0, write: isRead ? 0 : round(units), indexes };
};

const asList = (consumed: unknown): ConsumedCapacity[] =>
  Array.isArray(consumed) ? (consumed as ConsumedCapacity[]) : consumed ? [consumed as ConsumedCapacity] : [];

/**
 * Adds the meter's middleware to a DynamoDB client (the base client of lib/db/client.ts; the
 * document client shares its stack). Hand-written because the SDK has no capacity hook.
 */
export const attachCapacityMeter = (client: MiddlewareTarget): void => {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const calls = meters.getStore();
      if (!calls) return next(args);
      const command = (context.commandName ?? 'Unknown').replace(/Command$/, '');
      // The slot is taken when the command is sent: calls are listed in the order sent, which
      // is stable, not in the order concurrent ones happen to finish.
      const slot = calls.push({ command, read: 0, write: 0, indexes: {} }) - 1;
      try {
        const result = await next({ ...args, input: { ...args.input, ReturnConsumedCapacity: 'INDEXES' } });
        const call = capacityCall(
          command,
          asList((result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity),
        );
        const items = (args.input as { TransactItems?: unknown[] }).TransactItems?.length;
        calls[slot] = items === undefined ? call : { ...call, items };
        return result;
      } catch (error) {
        calls[slot] = { command, read: 0, write: 0, indexes: {}, failed: (error as Error).name };
        throw error;
      }
    },
    { step: 'initialize', name: 'storefleetCapacityMeter' },
  );
};

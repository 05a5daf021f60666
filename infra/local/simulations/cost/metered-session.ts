import { randomBytes } from 'node:crypto';
import { openLocalDatabase, planLocalDatabase } from '../../local-database.js';
import { applyLocalEnvironment, DEFAULT_TABLE_NAME } from '../../local-environment.js';

const READ_COMMANDS = new Set([
  'GetCommand',
  'BatchGetCommand',
  'QueryCommand',
  'TransactGetCommand',
  'ScanCommand',
]);

type Capacity = { CapacityUnits?: number } | undefined;

export interface Units {
  read: number;
  write: number;
}

export interface MeteredSession {
  /** The units DynamoDB Local reports for everything `work` sends (table and indexes summed). */
  meter: (work: () => Promise<unknown>) => Promise<{ units: Units; result: unknown }>;
  invoke: (functionName: string, event: unknown) => Promise<unknown>;
}

/**
 * A DynamoDB Local with the demo data, the local environment, and a meter on the shared document
 * client: `ReturnConsumedCapacity: INDEXES` on every command while `meter` runs, by wrapping its
 * `send` (why by hand: part B's meter, lib/db/capacity-meter.ts, is not on this branch; once it
 * is, use it here). One session per process: the local environment serves one DynamoDB Local.
 */
export const withMeteredSession = async <T>(run: (session: MeteredSession) => Promise<T>): Promise<T> => {
  const target = await planLocalDatabase({});
  await applyLocalEnvironment({
    tableName: DEFAULT_TABLE_NAME,
    dynamoEndpoint: target.endpoint,
    cursorSecret: randomBytes(32).toString('base64url'),
    quiet: true,
  });
  const database = await openLocalDatabase(target, DEFAULT_TABLE_NAME);
  try {
    // Imported once the environment is set: lib/ reads it when it first loads.
    const [{ seedDemoData }, { documentClient }, { invokeFunction }] = await Promise.all([
      import('../../seed.js'),
      import('../../../../lib/db/client.js'),
      import('../../function-invoker.js'),
    ]);
    await seedDemoData();
    const send = documentClient.send.bind(documentClient);
    let counting: Units | undefined;
    documentClient.send = (async (command: {
      input: Record<string, unknown>;
      constructor: { name: string };
    }) => {
      if (!counting) return send(command as never);
      const units = counting;
      command.input.ReturnConsumedCapacity = 'INDEXES';
      const output = (await send(command as never)) as { ConsumedCapacity?: Capacity | Capacity[] };
      const consumed = [output.ConsumedCapacity ?? []]
        .flat()
        .reduce((sum, c) => sum + (c?.CapacityUnits ?? 0), 0);
      if (READ_COMMANDS.has(command.constructor.name)) units.read += consumed;
      else units.write += consumed;
      return output;
    }) as typeof documentClient.send;
    try {
      return await run({
        meter: async (work) => {
          const units = { read: 0, write: 0 };
          counting = units;
          try {
            const result = await work();
            return {
              units: { read: Math.round(units.read * 100) / 100, write: Math.round(units.write * 100) / 100 },
              result,
            };
          } finally {
            counting = undefined;
          }
        },
        invoke: (functionName, event) => invokeFunction(functionName as never, event),
      });
    } finally {
      documentClient.send = send;
    }
  } finally {
    await database.stop();
  }
};

import { openThrowawayDatabase } from '../../throwaway-database.js';

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
 * client (lib/db/capacity-meter.ts, the capacity test's meter: `ReturnConsumedCapacity: INDEXES`
 * on every command while `meter` runs). One session per process: the local environment serves
 * one DynamoDB Local.
 */
export const withMeteredSession = async <T>(run: (session: MeteredSession) => Promise<T>): Promise<T> => {
  const database = await openThrowawayDatabase();
  try {
    // Imported once the environment is set: lib/ reads it when it first loads.
    const [{ seedDemoData }, { meterCapacity }, { invokeFunction }] = await Promise.all([
      import('../../seed.js'),
      import('../../../../lib/db/capacity-meter.js'),
      import('../../function-invoker.js'),
    ]);
    await seedDemoData();
    return await run({
      meter: async (work) => {
        const { result, reading } = await meterCapacity(work);
        return {
          units: { read: Math.round(reading.read * 100) / 100, write: Math.round(reading.write * 100) / 100 },
          result,
        };
      },
      invoke: (functionName, event) => invokeFunction(functionName as never, event),
    });
  } finally {
    await database.stop();
  }
};

import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openLocalDatabase, planLocalDatabase } from '../../local-database.js';
import { applyLocalEnvironment, DEFAULT_TABLE_NAME } from '../../local-environment.js';
import { REPO_ROOT } from '../../repo-paths.js';
import type { OperationCapacity } from './order-workload.js';

/**
 * A stand-in for part B's `measureOperations()` until that part is merged: every HTTP function
 * with a sample event (events/http/<kebab-name>.json) is invoked once in-process on freshly
 * seeded demo data, and the units DynamoDB Local reports (`ReturnConsumedCapacity: INDEXES`,
 * table and index units summed) are added up per invocation by wrapping the shared document
 * client's `send`. No budget of its own: the budget reported is the measurement. Destructive
 * samples (erase, disable, remove) run last so that they do not change what the others read.
 */
const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const READ_COMMANDS = new Set([
  'GetCommand',
  'BatchGetCommand',
  'QueryCommand',
  'TransactGetCommand',
  'ScanCommand',
]);

type Capacity = { CapacityUnits?: number } | undefined;

export const measureSampleEvents = async (): Promise<OperationCapacity[]> => {
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
    const [{ httpRoutes }, { routeKeyOf }, { seedDemoData }, { documentClient }, { invokeFunction }] =
      await Promise.all([
        import('../../../app-definition.js'),
        import('./order-workload.js'),
        import('../../seed.js'),
        import('../../../../lib/db/client.js'),
        import('../../function-invoker.js'),
      ]);
    await seedDemoData();
    const meter = { read: 0, write: 0 };
    const send = documentClient.send.bind(documentClient);
    // Why by hand: part B's meter (lib/db/capacity-meter.ts) is not on this branch yet.
    documentClient.send = (async (command: {
      input: Record<string, unknown>;
      constructor: { name: string };
    }) => {
      command.input.ReturnConsumedCapacity = 'INDEXES';
      const output = (await send(command as never)) as { ConsumedCapacity?: Capacity | Capacity[] };
      const units = [output.ConsumedCapacity ?? []]
        .flat()
        .reduce((sum, c) => sum + (c?.CapacityUnits ?? 0), 0);
      if (READ_COMMANDS.has(command.constructor.name)) meter.read += units;
      else meter.write += units;
      return output;
    }) as typeof documentClient.send;
    const destructive = /^(erase|disable|remove|cancel|refund)/;
    const routes = httpRoutes().sort(
      (a, b) => Number(destructive.test(a.functionName)) - Number(destructive.test(b.functionName)),
    );
    const measured: OperationCapacity[] = [];
    for (const { functionName, route } of routes) {
      const file = join(REPO_ROOT, 'events/http', `${kebab(functionName)}.json`);
      if (!existsSync(file)) continue;
      meter.read = 0;
      meter.write = 0;
      const response = (await invokeFunction(functionName, JSON.parse(readFileSync(file, 'utf8')))) as {
        statusCode?: number;
      };
      if (!response.statusCode || response.statusCode >= 300) continue;
      const read = Math.round(meter.read * 100) / 100;
      const write = Math.round(meter.write * 100) / 100;
      measured.push({
        operation: `${functionName} (sample event)`,
        route: routeKeyOf(route.method, route.path),
        read,
        write,
        budget: { read, write },
      });
    }
    documentClient.send = send;
    return measured;
  } finally {
    await database.stop();
  }
};

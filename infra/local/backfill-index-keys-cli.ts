/**
 * `npm run backfill-index-keys -- --table <name> [--region <region>] [--endpoint <url>]`
 *
 * The index-key migration (backfill-index-keys.ts) against a deployed table, with the shell's
 * credentials, or against DynamoDB Local with `--endpoint`: every order, level and product gets
 * the keys of the indexes it lists from now and loses the legacy ones. A Scan plus one
 * conditional UpdateItem per item still to move; safe beside live traffic and safe to re-run
 * (docs/runbooks/index-migration.md runs it twice). Exit 0 when done, 2 on a usage or access error.
 */
import { parseArgs } from 'node:util';
import { backfillIndexKeys } from './backfill-index-keys.js';
import { toolDynamoClient } from './dynamodb-local.js';

const USAGE = 'usage: npm run backfill-index-keys -- --table <name> [--region <region>] [--endpoint <url>]';

const { values: args } = parseArgs({
  options: { table: { type: 'string' }, region: { type: 'string' }, endpoint: { type: 'string' } },
});
if (!args.table) {
  console.error(`--table is required\n${USAGE}`);
  process.exit(2);
}
const tableName = args.table;

const client = toolDynamoClient({ endpoint: args.endpoint, region: args.region });

try {
  const started = performance.now();
  const updated = await backfillIndexKeys(client, tableName, ['all']);
  console.log(
    `${tableName}: ${updated} items moved to their current index keys (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
} catch (error) {
  console.error(
    `backfill-index-keys could not migrate ${tableName}: ${(error as Error).name}: ${(error as Error).message}`,
  );
  process.exitCode = 2;
} finally {
  client.destroy();
}

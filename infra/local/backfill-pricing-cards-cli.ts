/**
 * `npm run backfill-pricing-cards -- --table <name> [--rebuild] [--region <region>] [--endpoint <url>]`
 *
 * Writes the rate card of every region with a rate and the live promotions card where a stage
 * has none yet, or with `--rebuild` rewrites every card from its items (backfill-pricing-cards.ts;
 * docs/runbooks/pricing-cards.md), against a deployed
 * table with the shell's credentials, or against DynamoDB Local with `--endpoint`. Safe beside
 * live traffic and safe to re-run. Exit 0 when done, 2 on a usage or access error.
 */
import { parseArgs } from 'node:util';

const USAGE =
  'usage: npm run backfill-pricing-cards -- --table <name> [--region <region>] [--endpoint <url>]';

const { values: args } = parseArgs({
  options: {
    table: { type: 'string' },
    rebuild: { type: 'boolean' },
    region: { type: 'string' },
    endpoint: { type: 'string' },
  },
});
if (!args.table) {
  console.error(`--table is required\n${USAGE}`);
  process.exit(2);
}
// lib/ reads its table and endpoint from the environment, as in Lambda: set before it loads.
process.env.TABLE_NAME = args.table;
if (args.endpoint) process.env.DYNAMODB_ENDPOINT = args.endpoint;
if (args.region) process.env.AWS_REGION = args.region;
if (args.endpoint && !process.env.AWS_REGION) process.env.AWS_REGION = 'local';

const { backfillPricingCards } = await import('./backfill-pricing-cards.js');
try {
  const result = await backfillPricingCards({ rebuild: args.rebuild === true });
  console.log(
    `${args.table}: ${result.taxCardsWritten} of ${result.regions} regions' rate cards written; ` +
      `live promotions card ${result.promotionsCardWritten ? 'written' : 'already there'}`,
  );
} catch (error) {
  console.error(
    `backfill-pricing-cards could not write to ${args.table}: ${(error as Error).name}: ${(error as Error).message}`,
  );
  process.exitCode = 2;
}

/**
 * `npm run import -- <kind> <file.csv> [--store <id>] [--dry-run]`: imports a CSV file into the
 * local table with the code the import function runs in AWS (lib/imports/), showing a progress
 * bar, then a summary, and writing the result report next to the file (or to --report).
 * Exit code 0 when every line was imported or skipped, 1 when some were rejected, 2 when the
 * file or the arguments could not be used (nothing written).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import cliProgress from 'cli-progress';
import { isPhoneCountry, PHONE_COUNTRIES } from '../../lib/imports/phone-numbers.js';
import { openBulkCliDatabase } from './bulk-cli-database.js';
import { parseCliArguments } from './cli-arguments.js';

const KINDS = ['products', 'stock', 'customers', 'supplier-prices'];

const USAGE = `Usage: npm run import -- <kind> <file.csv> [--store <id>] [--dry-run] [--report <file>]

Kinds: ${KINDS.join(', ')} (columns and examples: docs/import/).
Each line is validated with the API's schemas, normalised, checked for duplicates in the file
and in the table, and written whole or rejected; re-running a file imports nothing twice.

  --store <id>       the store of a stock file (required for stock)
  --dry-run          check everything, write nothing
  --report <file>    where to write the result report (default <file>.report.csv)
  --country <code>   country of phone numbers without +code: ${PHONE_COUNTRIES.join(' or ')} (default AU)
  --as <user>        who the changes are recorded as (updatedBy; default system:import)
  --in-memory        use a throwaway database
  --endpoint <url>   use the DynamoDB Local at <url>
  --help             this text`;

const { values, positionals, fail } = parseCliArguments('import', USAGE, {
  store: { type: 'string' },
  'dry-run': { type: 'boolean' },
  report: { type: 'string' },
  country: { type: 'string', default: 'AU' },
  as: { type: 'string', default: 'import' },
  'in-memory': { type: 'boolean' },
  endpoint: { type: 'string' },
});
const [kind, file, ...extra] = positionals;
if (!kind || !file || extra.length > 0) fail(`give a kind and a file.\n\n${USAGE}`);
if (!KINDS.includes(kind ?? '')) fail(`unknown kind "${kind}"; the kinds are ${KINDS.join(', ')}.`);
const country = values.country.toUpperCase();
if (!isPhoneCountry(country))
  fail(
    `--country ${values.country}: the importer reads phone numbers of ${PHONE_COUNTRIES.join(' and ')} (lib/imports/phone-numbers.ts).`,
  );
const path = resolve(file ?? '');
const content = await readFile(path).catch((error: unknown) =>
  fail(`cannot read ${file}: ${(error as Error).message}`),
);

const database = await openBulkCliDatabase('import', {
  endpoint: values.endpoint,
  inMemory: values['in-memory'],
});
process.stderr.write(`import: database: ${database.description}\n`);
const [{ runImport }, { ImportFileError }] = await Promise.all([
  import('../../lib/imports/run-import.js'),
  import('../../lib/imports/csv-table.js'),
]);

const bar = new cliProgress.SingleBar(
  {
    format: 'import |{bar}| {percentage}% {value}/{total} lines | {eta_formatted} left',
    stream: process.stderr,
  },
  cliProgress.Presets.shades_classic,
);
const started = performance.now();
let exitCode = 0;
try {
  let barStarted = false;
  const result = await runImport(kind as 'products' | 'stock' | 'customers' | 'supplier-prices', content, {
    actor: { userId: `system:${values.as}` as `system:${string}` },
    dryRun: values['dry-run'] ?? false,
    ...(values.store ? { storeId: values.store } : {}),
    country: country as (typeof PHONE_COUNTRIES)[number],
    onProgress: (done, total) => {
      if (!barStarted) {
        bar.start(total, 0);
        barStarted = true;
      }
      bar.update(done);
    },
  });
  bar.stop();
  const reportPath = resolve(values.report ?? `${path.replace(/\.csv$/i, '')}.report.csv`);
  await writeFile(reportPath, result.report);
  const seconds = (performance.now() - started) / 1000;
  const { counts } = result;
  const rate = counts.rows === 0 ? 0 : Math.round((counts.rows / seconds) * 60);
  process.stdout.write(
    [
      `${values['dry-run'] ? 'Dry run of' : 'Imported'} ${kind} from ${file}: ${counts.rows} lines in ${seconds.toFixed(1)} s (${rate} lines/min)`,
      values['dry-run'] ? `  valid     ${counts.valid} (nothing written)` : `  imported  ${counts.imported}`,
      `  skipped   ${counts.skipped} (imported before)`,
      `  rejected  ${counts.rejected}`,
      `Report: ${reportPath}`,
      '',
    ].join('\n'),
  );
  if (counts.rejected > 0) exitCode = 1;
} catch (error) {
  bar.stop();
  if (!(error instanceof ImportFileError)) throw error;
  process.stderr.write(`import: ${error.message} Nothing was written.\n`);
  exitCode = 2;
} finally {
  await database.stop();
}
process.exit(exitCode);

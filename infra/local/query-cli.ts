/**
 * `npm run query -- "<SQL>" [--csv]`: SQL over the local lake with DuckDB, through views named
 * and typed as the Glue tables (lib/lake/lake-tables.ts), so a query written for Athena runs
 * here. `--named <name>` runs one of the standard reports (lib/lake/named-queries.ts);
 * `--tables` lists the tables and their columns. Acts on the running npm start's lake, or on
 * `.data/s3` when none runs, and says which (on stderr, so `--csv` output stays clean).
 */
import { lakeTables } from '../../lib/lake/lake-tables.js';
import { namedQueries } from '../../lib/lake/named-queries.js';
import { parseCliArguments } from './cli-arguments.js';
import { openLakeDuckDb } from './lake-duckdb.js';
import { openLocalLake } from './lake-location.js';
import { formatCsv, formatTable } from './query-format.js';

const USAGE = `Usage: npm run query -- "<SQL>" [--csv]
       npm run query -- --named <name> [--csv]
       npm run query -- --tables

Runs SQL over the local lake with DuckDB; the views have the Athena tables' names and columns:
  ${lakeTables.map((table) => table.name).join(', ')}
Named queries: ${namedQueries.map((query) => query.name).join(', ')}

  --csv            print CSV instead of a table
  --named <name>   run a named query (the standard reports)
  --tables         list the tables and their columns
  --help           this text`;

const { values, positionals, fail } = parseCliArguments('query', USAGE, {
  csv: { type: 'boolean' },
  named: { type: 'string' },
  tables: { type: 'boolean' },
});

if (values.tables) {
  for (const table of lakeTables) {
    const partitions = table.partitionKeys.map((key) => `${key.name} (partition)`).join(', ');
    process.stdout.write(`${table.name} — ${table.description}\n`);
    for (const column of table.columns)
      process.stdout.write(`  ${column.name} ${column.type}: ${column.description}\n`);
    process.stdout.write(`  ${partitions}\n\n`);
  }
  process.exit(0);
}

const sql = (() => {
  if (values.named !== undefined) {
    if (positionals.length > 0) fail('give either SQL or --named, not both.');
    const query = namedQueries.find((candidate) => candidate.name === values.named);
    return (
      query?.sql ??
      fail(`no named query "${values.named}"; there are: ${namedQueries.map((q) => q.name).join(', ')}`)
    );
  }
  if (positionals.length !== 1) fail(`give one SQL statement (quote it).\n\n${USAGE}`);
  return positionals[0] ?? '';
})();

const lake = await openLocalLake();
process.stderr.write(`Querying ${lake.description}\n`);
try {
  const duck = await openLakeDuckDb({ s3: lake.s3, bucket: lake.bucket });
  try {
    const result = await duck.query(sql);
    process.stdout.write(values.csv ? formatCsv(result) : formatTable(result));
  } catch (error) {
    process.exitCode = 1;
    process.stderr.write(`query: ${(error as Error).message}\n`);
  } finally {
    await duck.close();
  }
} finally {
  await lake.close();
}

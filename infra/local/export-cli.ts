/**
 * `npm run export -- <catalog|stock|customers> [--store <id>] [--out <file>]`: writes the local
 * table's catalog, a store's stock or the customers as CSV in the import format (docs/import/),
 * so the file imports back unchanged. Catalog and stock are read by Query; customers have no
 * listing index, so this offline tool reads them with a paginated Scan of customer items —
 * never done on a request path. The customer file is personal data: keep it like the table.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Customer } from '../../lib/customers/customer-schemas.js';
import { openBulkCliDatabase } from './bulk-cli-database.js';
import { parseCliArguments } from './cli-arguments.js';

const USAGE = `Usage: npm run export -- <catalog|stock|customers|supplier-prices> [--store <id>] [--supplier <id>] [--out <file>]

  --store <id>       the store whose stock to export (required for stock)
  --supplier <id>    the supplier whose price list to export (required for supplier-prices)
  --out <file>       write there instead of stdout
  --in-memory        use a throwaway database
  --endpoint <url>   use the DynamoDB Local at <url>
  --help             this text`;

const { values, positionals, fail } = parseCliArguments('export', USAGE, {
  store: { type: 'string' },
  supplier: { type: 'string' },
  out: { type: 'string' },
  'in-memory': { type: 'boolean' },
  endpoint: { type: 'string' },
});
const [what, ...extra] = positionals;
if (!what || extra.length > 0 || !['catalog', 'stock', 'customers', 'supplier-prices'].includes(what))
  fail(USAGE);
if (what === 'stock' && !values.store) fail('a stock export needs --store <id>.');
if (what === 'supplier-prices' && !values.supplier) fail('a price list export needs --supplier <id>.');

const database = await openBulkCliDatabase('export', {
  endpoint: values.endpoint,
  inMemory: values['in-memory'],
});
process.stderr.write(`export: database: ${database.description}\n`);
const exports = await import('../../lib/exports/csv-export.js');

const customers = async () => {
  const [{ ScanCommand }, { documentClient, tableName }, { stripStorageAttributes }, { ENTITY }] =
    await Promise.all([
      import('@aws-sdk/lib-dynamodb'),
      import('../../lib/db/client.js'),
      import('../../lib/db/item-meta.js'),
      import('../../lib/db/keys.js'),
    ]);
  const found: Customer[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(
      new ScanCommand({
        TableName: tableName(),
        FilterExpression: 'entityType = :type',
        ExpressionAttributeValues: { ':type': ENTITY.customer },
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    found.push(...(page.Items ?? []).map((item) => stripStorageAttributes<Customer>(item)));
    start = page.LastEvaluatedKey;
  } while (start);
  return exports.customersCsv(found.sort((a, b) => a.customerId.localeCompare(b.customerId)));
};

try {
  const csv =
    what === 'catalog'
      ? await exports.exportCatalog()
      : what === 'stock'
        ? await exports.exportStock(values.store as string)
        : what === 'supplier-prices'
          ? await exports.exportSupplierPrices(values.supplier as string)
          : await customers();
  if (values.out) {
    await writeFile(resolve(values.out), csv);
    process.stderr.write(`export: wrote ${resolve(values.out)}\n`);
  } else process.stdout.write(csv);
} finally {
  await database.stop();
}

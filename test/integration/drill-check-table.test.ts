import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDynamoClient } from '../../infra/local/dynamodb-local.js';
import { REPO_ROOT } from '../../infra/local/repo-paths.js';
import { checkTable } from '../../lib/backup/check-table.js';
import { createCustomer } from '../../lib/customers/customer-service.js';
import { documentClient, tableName } from '../../lib/db/client.js';
import { guardKeys, inventoryKeys } from '../../lib/db/keys.js';
import { adjustInventory } from '../../lib/inventory/inventory-service.js';
import { customerInput } from '../support/customer-fixtures.js';
import { admin } from '../support/fixtures.js';
import { newProduct, newStore, receiveStock } from '../support/stock-fixtures.js';

const run = promisify(execFile);
const client = localDynamoClient(String(process.env.DYNAMODB_ENDPOINT));
let folder: string;
let storeId: string;
let skus: string[];
let email: string;

/** `npm run check-table -- … --endpoint <DynamoDB Local>`; never throws, gives the exit code. */
const checkTableCli = async (args: string[]) => {
  try {
    const { stdout, stderr } = await run(
      join(REPO_ROOT, 'node_modules/.bin/tsx'),
      [
        join(REPO_ROOT, 'infra/local/check-table-cli.ts'),
        '--endpoint',
        String(process.env.DYNAMODB_ENDPOINT),
        ...args,
      ],
      { cwd: REPO_ROOT, env: process.env },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
};

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'check-table-'));
  storeId = await newStore();
  const product = await newProduct(2);
  skus = product.skus;
  for (const sku of skus) await receiveStock(storeId, sku, product.productId, 10);
  await adjustInventory(admin, storeId, skus[0] as string, { delta: -2, reason: 'shrinkage' });
  const input = customerInput();
  email = input.email as string;
  await createCustomer(admin, input);
});

afterAll(async () => {
  client.destroy();
  await rm(folder, { recursive: true, force: true });
});

describe('the restored-table check on DynamoDB Local', () => {
  it('passes a table written by the services, and says which settings a restored table lacks', async () => {
    const report = await checkTable(client, tableName());
    expect(report.countsByType).toMatchObject({
      Store: 1,
      Product: 1,
      InventoryLevel: 2,
      InventoryMovement: 3,
    });
    const failing = report.checks.filter((check) => check.failureCount > 0);
    // Created like a restored table before the runbook's steps: everything but deletion protection.
    expect(failing.map((check) => [check.name, check.failures])).toEqual([
      ['table settings', ['deletion protection is off']],
    ]);
  });

  it('CLI: exits 0 once the table is set up, and writes the counts for a later comparison', async () => {
    await client.send(new UpdateTableCommand({ TableName: tableName(), DeletionProtectionEnabled: true }));
    const countsFile = join(folder, 'counts.json');
    const { code, stdout } = await checkTableCli(['--table', tableName(), '--write-counts', countsFile]);
    expect(code, stdout).toBe(0);
    expect(stdout).toContain('✓ table settings');
    expect(stdout).toContain(
      '✓ inventory levels equal the sum of their movements (2 levels against 3 movements)',
    );
    expect(stdout).toContain('every check holds');
    expect(JSON.parse(await readFile(countsFile, 'utf8'))).toMatchObject({
      InventoryMovement: 3,
      Customer: 1,
    });

    const expected = { ...JSON.parse(await readFile(countsFile, 'utf8')), Order: 5 };
    await writeFile(countsFile, JSON.stringify(expected));
    const compared = await checkTableCli(['--table', tableName(), '--expect-counts', countsFile]);
    expect(compared.code).toBe(1);
    expect(compared.stdout).toContain('✗ item counts per entity type match');
    expect(compared.stdout).toContain('    Order: expected 5, found 0');
  });

  it('finds a level that no longer equals its movements and a value that lost its guard', async () => {
    const sku = skus[1] as string;
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: inventoryKeys.level(storeId, sku),
        UpdateExpression: 'SET onHand = onHand + :one, available = available + :one',
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
    await documentClient.send(
      new DeleteCommand({ TableName: tableName(), Key: guardKeys.item('EMAIL', email) }),
    );

    const report = await checkTable(client, tableName());
    expect(report.ok).toBe(false);
    const failures = Object.fromEntries(report.checks.map((check) => [check.name, check.failures]));
    expect(failures['inventory levels equal the sum of their movements']).toEqual([
      `${sku} at ${storeId}: onHand is 11, its movements sum to 10`,
    ]);
    expect(failures['every unique value has its guard']).toEqual([
      expect.stringMatching(new RegExp(`^EMAIL ${email.replace('.', '\\.')} of cu_.+: no guard item$`)),
    ]);

    const { code, stdout } = await checkTableCli(['--table', tableName()]);
    expect(code).toBe(1);
    expect(stdout).toContain('✗ inventory levels equal the sum of their movements');
    expect(stdout).toContain('CHECK FAILED: do not point a stage at this table');
  });

  it('CLI: exits 2 for a table that does not exist or a missing --table', async () => {
    const missing = await checkTableCli(['--table', 'no-such-table']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('check-table could not read no-such-table: ResourceNotFoundException');
    const usage = await checkTableCli([]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--table is required');
  });
});

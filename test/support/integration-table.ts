import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, inject } from 'vitest';
import { localDynamoClient } from '../../infra/local/dynamodb-local.js';
import { ensureTable } from '../../infra/local/table-setup.js';

// Runs before each integration test file, before lib/ is imported: point the shared
// document client at this worker's DynamoDB Local and give this file a table of its own.
const endpoints = inject('dynamoEndpoints');
const worker = Number(process.env.VITEST_POOL_ID ?? '1');
const endpoint = endpoints[(worker - 1) % endpoints.length];
if (!endpoint) throw new Error('The integration global setup started no DynamoDB Local');
process.env.DYNAMODB_ENDPOINT = endpoint;
process.env.TABLE_NAME = `it-${randomUUID()}`;
// Signs pagination cursors, as the local runtime's generated secret does.
process.env.CURSOR_SECRET = randomBytes(32).toString('base64url');
// User administration's local directory (the user pool's stand-in), as the local runtime sets it.
const usersDir = mkdtempSync(join(tmpdir(), 'storefleet-it-users-'));
process.env.LOCAL_USER_DIRECTORY = usersDir;

const client = localDynamoClient(endpoint);
await ensureTable(client, process.env.TABLE_NAME);

// Drop the file's table when it is done: DynamoDB Local slows down as finished files' tables
// (and their streams) pile up in the one shared instance.
const table = process.env.TABLE_NAME;
afterAll(async () => {
  await client.send(new DeleteTableCommand({ TableName: table })).catch(() => undefined);
  client.destroy();
  rmSync(usersDir, { recursive: true, force: true });
});

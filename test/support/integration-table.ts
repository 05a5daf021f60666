import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { localDynamoClient } from '../../infra/local/dynamodb-local.js';
import { ensureTable } from '../../infra/local/table-setup.js';

// Runs before each integration test file, before lib/ is imported: point the shared
// document client at DynamoDB Local and give this file a table of its own.
process.env.DYNAMODB_ENDPOINT = inject('dynamoEndpoint');
process.env.TABLE_NAME = `it-${randomUUID()}`;
// Signs pagination cursors, as the local runtime's generated secret does.
process.env.CURSOR_SECRET = randomBytes(32).toString('base64url');
// User administration's local directory (the user pool's stand-in), as the local runtime sets it.
process.env.LOCAL_USER_DIRECTORY = mkdtempSync(join(tmpdir(), 'storefleet-it-users-'));

const client = localDynamoClient(process.env.DYNAMODB_ENDPOINT);
await ensureTable(client, process.env.TABLE_NAME);
client.destroy();

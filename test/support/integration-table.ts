import { randomBytes, randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { localDynamoClient } from '../../infra/local/dynamodb-local.js';
import { ensureTable } from '../../infra/local/table-setup.js';

// Runs before each integration test file, before lib/ is imported: point the shared
// document client at DynamoDB Local and give this file a table of its own.
process.env.DYNAMODB_ENDPOINT = inject('dynamoEndpoint');
process.env.TABLE_NAME = `it-${randomUUID()}`;
// Signs pagination cursors, as the local runtime's generated secret does.
process.env.CURSOR_SECRET = randomBytes(32).toString('base64url');

const client = localDynamoClient(process.env.DYNAMODB_ENDPOINT);
await ensureTable(client, process.env.TABLE_NAME);
client.destroy();

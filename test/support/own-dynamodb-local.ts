import { afterAll, beforeAll } from 'vitest';
import {
  type DynamoDbLocal,
  localDynamoClient,
  startDynamoDbLocal,
} from '../../infra/local/dynamodb-local.js';
import { ensureTable } from '../../infra/local/table-setup.js';

/**
 * For an integration file whose volume would slow every later file on the shared DynamoDB Local
 * (measured: after the 5,000-row import, a seed test took 24.8 s instead of 4.9 s on the same
 * instance, though the import's table was gone; DynamoDB Local keeps per-transaction state for a
 * while): the file gets a DynamoDB Local of its own, started before its first test and stopped
 * after its last. Call it at the top of the file, before anything reaches lib/'s client (which
 * reads DYNAMODB_ENDPOINT on first use).
 */
export const useOwnDynamoDbLocal = (): void => {
  let dynamo: DynamoDbLocal | undefined;
  beforeAll(async () => {
    dynamo = await startDynamoDbLocal();
    process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
    const client = localDynamoClient(dynamo.endpoint);
    try {
      await ensureTable(client, process.env.TABLE_NAME ?? '');
    } finally {
      client.destroy();
    }
  }, 60_000);
  afterAll(async () => {
    await dynamo?.stop();
  });
};

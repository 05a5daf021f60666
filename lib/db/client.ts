import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { attachCapacityMeter } from './capacity-meter.js';
import { attachRecentReadsInvalidation } from './recent-reads.js';

let client: DynamoDBDocumentClient | undefined;

/**
 * The one DynamoDB document client of a Lambda module, created on first use and reused.
 * Created lazily so that importing lib/ (the app definition does, for route contracts) has
 * no side effects: CDK synth and the local tools load it before the environment is final.
 * Locally, DYNAMODB_ENDPOINT points it at DynamoDB Local.
 */
const getClient = (): DynamoDBDocumentClient => {
  if (!client) {
    const endpoint = process.env.DYNAMODB_ENDPOINT;
    const base = new DynamoDBClient({ ...(endpoint ? { endpoint } : {}), maxAttempts: 4 });
    // Inert unless a capacity meter is running (benchmark, capacity test): lib/db/capacity-meter.ts.
    attachCapacityMeter(base);
    // A write this container makes forgets what placement remembered of the item (recent-reads.ts).
    attachRecentReadsInvalidation(base);
    client = DynamoDBDocumentClient.from(base, {
      marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
    });
  }
  return client;
};

export const documentClient: Pick<DynamoDBDocumentClient, 'send'> = {
  send: ((...args: Parameters<DynamoDBDocumentClient['send']>) =>
    getClient().send(...args)) as DynamoDBDocumentClient['send'],
};

export const tableName = (): string => {
  const name = process.env.TABLE_NAME;
  if (!name) throw new Error('TABLE_NAME is not set');
  return name;
};

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tracer } from '../observability.js';

/**
 * The one DynamoDB document client of a Lambda module, created at cold start and reused.
 * Locally, DYNAMODB_ENDPOINT points it at DynamoDB Local.
 */
const endpoint = process.env.DYNAMODB_ENDPOINT;
const baseClient = new DynamoDBClient({
  ...(endpoint ? { endpoint } : {}),
  maxAttempts: 4,
});

export const documentClient = tracer.captureAWSv3Client(
  DynamoDBDocumentClient.from(baseClient, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  }),
);

export const tableName = (): string => {
  const name = process.env.TABLE_NAME;
  if (!name) throw new Error('TABLE_NAME is not set');
  return name;
};

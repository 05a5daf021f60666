import type { TestProject } from 'vitest/node';
import { type DynamoDbLocal, startDynamoDbLocal } from '../../infra/local/dynamodb-local.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** One DynamoDB Local per worker: `integration-table.ts` picks by `VITEST_POOL_ID`. */
    dynamoEndpoints: string[];
  }
}

let instances: DynamoDbLocal[] = [];

/**
 * In-memory DynamoDB Local for the integration files, one instance per test worker; each test
 * file gets its own table. One instance per worker because DynamoDB Local answers one request at
 * a time per database (its SQLite store is serialized): files in two workers sharing one instance
 * wait on each other, two instances run side by side on two cores.
 */
export async function setup(project: TestProject) {
  const workers = Math.max(1, Number(project.globalConfig.maxWorkers) || 1);
  instances = await Promise.all(Array.from({ length: workers }, () => startDynamoDbLocal()));
  project.provide(
    'dynamoEndpoints',
    instances.map((instance) => instance.endpoint),
  );
}

export async function teardown() {
  await Promise.all(instances.map((instance) => instance.stop()));
}

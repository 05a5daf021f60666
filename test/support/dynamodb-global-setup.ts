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
 * In-memory DynamoDB Local for the integration files, one instance per test worker (one worker
 * by default on this project); each test file gets its own table in its worker's instance. With
 * `--maxWorkers 2` two files run at a time, each on its own instance. Measured on 2 cores, two
 * workers made the integration files slower, not faster (773 s against about 545 s for the
 * whole suite), so one worker is the default.
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

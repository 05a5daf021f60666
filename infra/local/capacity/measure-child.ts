/**
 * The child process of measureOperations(): starts DynamoDB Local, applies the local
 * environment, measures every operation and writes the figures as JSON to the file named by
 * its argument (not stdout: nothing a library prints can corrupt them).
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { startDynamoDbLocal } from '../dynamodb-local.js';
import { applyLocalEnvironment } from '../local-environment.js';

const out = process.argv[2];
if (!out) throw new Error('usage: measure-child.ts <output.json>');
const dynamo = await startDynamoDbLocal();
try {
  await applyLocalEnvironment({
    tableName: 'capacity',
    dynamoEndpoint: dynamo.endpoint,
    cursorSecret: randomBytes(32).toString('base64url'),
    quiet: true,
  });
  // Imported late: lib/ reads the environment applied above when it first loads.
  const { measureInThisProcess } = await import('./measure-operations.js');
  await writeFile(out, JSON.stringify(await measureInThisProcess()));
} finally {
  await dynamo.stop();
}

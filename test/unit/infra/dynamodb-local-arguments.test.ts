import { describe, expect, it } from 'vitest';
import { DYNAMODB_LOCAL_CORS, dynamoDbLocalArguments } from '../../../infra/local/dynamodb-local.js';

describe('DynamoDB Local command line', () => {
  it('runs the JVM lean, closes CORS to every real origin and turns telemetry off, in memory or on disk', () => {
    for (const dataDir of [undefined, '/tmp/ddb']) {
      const args = dynamoDbLocalArguments('/jar', 8123, dataDir);
      expect(args.slice(0, 4)).toEqual([
        '-XX:+UseSerialGC',
        '-Djava.library.path=/jar/DynamoDBLocal_lib',
        '-jar',
        '/jar/DynamoDBLocal.jar',
      ]);
      expect(args).toContain('-disableTelemetry');
      expect(args).toContain('-sharedDb');
      expect(args[args.indexOf('-cors') + 1]).toBe(DYNAMODB_LOCAL_CORS);
      expect(args[args.indexOf('-port') + 1]).toBe('8123');
      expect(args.includes('-inMemory')).toBe(dataDir === undefined);
      if (dataDir) expect(args[args.indexOf('-dbPath') + 1]).toBe(dataDir);
    }
    expect(new URL(DYNAMODB_LOCAL_CORS).hostname).toMatch(/\.invalid$/);
  });
});

import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cursorKeys, forgetCursorKeys } from '../../../lib/db/cursor-secret.js';

const SECRET_ID = 'arn:aws:secretsmanager:ap-southeast-2:111122223333:secret:cursor-AbCdEf';
const CURRENT = 'c'.repeat(64);
const PREVIOUS = 'p'.repeat(64);

/**
 * A local HTTP server in the place of the Parameters and Secrets Lambda Extension, answering
 * like it (the GetSecretValue JSON, 400 for a stage the secret does not have).
 */
const startExtension = async (stages: Record<string, string>) => {
  const requests: IncomingMessage[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(request);
    const url = new URL(request.url ?? '/', 'http://localhost');
    const value = stages[url.searchParams.get('versionStage') ?? 'AWSCURRENT'];
    const authorized = request.headers['x-aws-parameters-secrets-token'] === 'session-token';
    if (
      url.pathname !== '/secretsmanager/get' ||
      url.searchParams.get('secretId') !== SECRET_ID ||
      !authorized
    ) {
      response.writeHead(403).end();
    } else if (value === undefined) {
      response.writeHead(400).end('ResourceNotFoundException');
    } else {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ ARN: SECRET_ID, SecretString: value }));
    }
  });
  server.listen(0, 'localhost');
  await once(server, 'listening');
  process.env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT = String((server.address() as AddressInfo).port);
  return {
    requests,
    close: () =>
      new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      }),
  };
};

describe('cursor secret from Secrets Manager (through the Lambda extension)', () => {
  let close: (() => Promise<unknown>) | undefined;
  beforeEach(() => {
    delete process.env.CURSOR_SECRET;
    process.env.CURSOR_SECRET_ID = SECRET_ID;
    process.env.AWS_SESSION_TOKEN = 'session-token';
    forgetCursorKeys();
  });
  afterEach(async () => {
    await close?.();
    for (const name of ['CURSOR_SECRET_ID', 'AWS_SESSION_TOKEN', 'PARAMETERS_SECRETS_EXTENSION_HTTP_PORT'])
      delete process.env[name];
    forgetCursorKeys();
  });

  it('signs with AWSCURRENT, also accepts AWSPREVIOUS, and reads them once per cold start', async () => {
    const extension = await startExtension({ AWSCURRENT: CURRENT, AWSPREVIOUS: PREVIOUS });
    close = extension.close;
    const keys = await cursorKeys();
    expect(keys.current.toString()).toBe(CURRENT);
    expect(keys.accepted.map(String)).toEqual([CURRENT, PREVIOUS]);
    await cursorKeys();
    expect(extension.requests).toHaveLength(2);
    await cursorKeys(Date.now() + 10 * 60_000); // a while later: read again, to pick up a rotation
    expect(extension.requests).toHaveLength(4);
  });

  it('accepts only the current key when the secret was never rotated', async () => {
    close = (await startExtension({ AWSCURRENT: CURRENT })).close;
    expect((await cursorKeys()).accepted.map(String)).toEqual([CURRENT]);
  });

  it('fails (and does not cache the failure) when the secret cannot be read', async () => {
    const extension = await startExtension({});
    close = extension.close;
    await expect(cursorKeys()).rejects.toThrow(/400/);
    await expect(cursorKeys()).rejects.toThrow(/400/);
    const currentReads = extension.requests.filter((request) => request.url?.includes('AWSCURRENT'));
    expect(currentReads).toHaveLength(2);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultProvider } from '../../../lib/runtime/lambda-credentials.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the Lambda-environment credential provider (bundled in place of the default chain)', () => {
  it("answers the role's credentials Lambda puts in the environment", async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'ASIAEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret');
    vi.stubEnv('AWS_SESSION_TOKEN', 'token');
    vi.stubEnv('AWS_CREDENTIAL_EXPIRATION', '');
    await expect(defaultProvider({})()).resolves.toEqual({
      accessKeyId: 'ASIAEXAMPLE',
      secretAccessKey: 'secret',
      sessionToken: 'token',
    });
  });

  it('passes an expiration on, so that the SDK refreshes before it', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'ASIAEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret');
    vi.stubEnv('AWS_SESSION_TOKEN', '');
    vi.stubEnv('AWS_CREDENTIAL_EXPIRATION', '2030-01-01T00:00:00Z');
    const credentials = await defaultProvider()();
    expect(credentials.expiration?.toISOString()).toBe('2030-01-01T00:00:00.000Z');
    expect(credentials).not.toHaveProperty('sessionToken');
  });

  it('reads the environment at each call (a rotated key is picked up)', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'FIRST');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret');
    const provider = defaultProvider();
    await expect(provider()).resolves.toMatchObject({ accessKeyId: 'FIRST' });
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'SECOND');
    await expect(provider()).resolves.toMatchObject({ accessKeyId: 'SECOND' });
  });

  it('fails clearly, naming the variables, when there are none', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', '');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', '');
    await expect(defaultProvider()()).rejects.toThrow(
      /AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set/,
    );
  });
});

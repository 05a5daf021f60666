/**
 * The credential provider of every Lambda bundle: esbuild aliases
 * `@aws-sdk/credential-provider-node` (the SDK's full default chain) to this module (see
 * infra/bundling.ts). Lambda hands an execution environment its role's credentials in
 * AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, the first link of that
 * chain; the rest of it (shared ini files, SSO, web identity, process, container and
 * instance metadata, with nested STS/SSO clients) is dead weight in a function: about 100 KiB
 * of bundle and its import time (docs/performance.md). Written here rather than imported from
 * `@aws-sdk/credential-provider-env` because that package is no direct dependency and these
 * few lines are its whole job. Local tools (tsx, vitest) are not bundled and keep the real
 * chain. Not for SnapStart: restored environments get credentials from the container endpoint.
 */

interface LambdaCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

/** The SDK calls `credentialDefaultProvider(config)` once per client and the result per signature. */
export const defaultProvider = (_init?: unknown) => async (): Promise<LambdaCredentials> => {
  const accessKeyId = process.env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = process.env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey)
    throw new Error(
      'No credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set (Lambda sets them from the function role)',
    );
  const sessionToken = process.env.AWS_SESSION_TOKEN;
  const expiration = process.env.AWS_CREDENTIAL_EXPIRATION;
  return {
    accessKeyId,
    secretAccessKey,
    ...(sessionToken ? { sessionToken } : {}),
    ...(expiration ? { expiration: new Date(expiration) } : {}),
  };
};

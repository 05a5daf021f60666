/**
 * The keys that sign pagination cursors (lib/db/cursor.ts).
 *
 * In AWS the secret is a Secrets Manager secret that CDK generates (infra/stacks/api-stack.ts);
 * functions name it in CURSOR_SECRET_ID and read it through the AWS Parameters and Secrets
 * Lambda Extension, a managed layer that caches it: a plain HTTP call to localhost, so no
 * Secrets Manager client is bundled. Locally the runtime generates a secret once under `.data/`
 * and passes its value in CURSOR_SECRET (infra/local/cursor-secret.ts).
 *
 * Rotation: cursors are signed with the current secret and accepted when signed with the
 * current or the previous one (Secrets Manager's AWSPREVIOUS, CURSOR_SECRET_PREVIOUS locally), so
 * pages being followed survive one rotation; only a cursor older than two rotations is refused.
 */
export const CURSOR_SECRET_ENV = 'CURSOR_SECRET';
export const CURSOR_SECRET_PREVIOUS_ENV = 'CURSOR_SECRET_PREVIOUS';
export const CURSOR_SECRET_ID_ENV = 'CURSOR_SECRET_ID';

/** Shorter secrets are a configuration mistake, not a key. */
export const MIN_CURSOR_SECRET_LENGTH = 32;

export interface CursorKeys {
  /** Signs new cursors. */
  current: Buffer;
  /** Verify cursors: the current key first, then the previous one if there is one. */
  accepted: readonly Buffer[];
}

/** Read once per cold start, then again every few minutes so a rotation reaches warm functions. */
const REFRESH_MS = 5 * 60_000;
const EXTENSION_TIMEOUT_MS = 3_000;

let cached: { keys: Promise<CursorKeys>; loadedAt: number } | undefined;

const toKey = (secret: string, source: string): Buffer => {
  if (secret.length < MIN_CURSOR_SECRET_LENGTH)
    throw new Error(`${source} must be at least ${MIN_CURSOR_SECRET_LENGTH} characters`);
  return Buffer.from(secret, 'utf8');
};

const keysOf = (current: string, previous: string | undefined, source: string): CursorKeys => {
  const key = toKey(current, source);
  return { current: key, accepted: previous ? [key, toKey(previous, `${source} (previous)`)] : [key] };
};

/** One version stage of the secret from the Parameters and Secrets Lambda Extension. */
const fromExtension = async (secretId: string, versionStage: 'AWSCURRENT' | 'AWSPREVIOUS') => {
  const port = process.env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT ?? '2773';
  const url = new URL(`http://localhost:${port}/secretsmanager/get`);
  url.searchParams.set('secretId', secretId);
  url.searchParams.set('versionStage', versionStage);
  const response = await fetch(url, {
    headers: { 'X-Aws-Parameters-Secrets-Token': process.env.AWS_SESSION_TOKEN ?? '' },
    signal: AbortSignal.timeout(EXTENSION_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`The secrets extension answered ${response.status} for ${versionStage}`);
  const { SecretString } = (await response.json()) as { SecretString?: unknown };
  if (typeof SecretString !== 'string')
    throw new Error(`The cursor secret's ${versionStage} is not a string`);
  return SecretString;
};

const loadKeys = async (): Promise<CursorKeys> => {
  const local = process.env[CURSOR_SECRET_ENV];
  if (local) return keysOf(local, process.env[CURSOR_SECRET_PREVIOUS_ENV] || undefined, CURSOR_SECRET_ENV);
  const secretId = process.env[CURSOR_SECRET_ID_ENV];
  if (!secretId)
    throw new Error(`Set ${CURSOR_SECRET_ID_ENV} (AWS) or ${CURSOR_SECRET_ENV} (local) to sign cursors`);
  const [current, previous] = await Promise.all([
    fromExtension(secretId, 'AWSCURRENT'),
    // A secret never rotated has no AWSPREVIOUS; then only the current key is accepted.
    fromExtension(secretId, 'AWSPREVIOUS').catch(() => undefined),
  ]);
  return keysOf(current, previous, CURSOR_SECRET_ID_ENV);
};

export const cursorKeys = (now = Date.now()): Promise<CursorKeys> => {
  if (cached && now - cached.loadedAt < REFRESH_MS) return cached.keys;
  const keys = loadKeys();
  const entry = { keys, loadedAt: now };
  cached = entry;
  // A failed read is not cached: the next request tries again.
  keys.catch(() => {
    if (cached === entry) cached = undefined;
  });
  return keys;
};

/** Forgets the cached keys (tests that change the environment). */
export const forgetCursorKeys = (): void => {
  cached = undefined;
};

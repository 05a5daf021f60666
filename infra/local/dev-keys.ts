/**
 * The local stand-in for Cognito's signing keys: one RS256 key pair, persisted so that tokens
 * printed by `npm run token` stay valid across `npm start` restarts, and tokens shaped like
 * Cognito ID tokens (the claims lib/auth/principal.ts reads).
 */
import { randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Jwks } from 'aws-jwt-verify/jwk';
import {
  type CryptoKey,
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  SignJWT,
} from 'jose';
import type { Role } from '../../lib/auth/roles.js';
import { DEFAULT_KEYS_DIR } from './repo-paths.js';

export const DEV_ISSUER = 'https://storefleet.local/issuer';
export const DEV_AUDIENCE = 'storefleet-local';
export const DEV_KEY_FILE = 'dev-keys.json';
const ALG = 'RS256';

export interface DevKeys {
  kid: string;
  privateKey: CryptoKey;
  /** The public half as the JWKS API Gateway's authorizer would download from `jwks_uri`. */
  jwks: Jwks;
}

interface StoredKeys {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

const generateStoredKeys = async (): Promise<StoredKeys> => {
  const { publicKey, privateKey } = await generateKeyPair(ALG, { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return {
    kid,
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: ALG },
    publicJwk: { ...publicJwk, kid, alg: ALG, use: 'sig' },
  };
};

const toDevKeys = async (stored: StoredKeys): Promise<DevKeys> => {
  const privateKey = await importJWK(stored.privateJwk, ALG);
  const { kty, n, e } = stored.publicJwk;
  if (privateKey instanceof Uint8Array || kty !== 'RSA' || !n || !e)
    throw new Error('The dev keys are not an RSA key pair');
  return {
    kid: stored.kid,
    privateKey,
    jwks: { keys: [{ kty, n, e, kid: stored.kid, alg: ALG, use: 'sig' }] },
  };
};

/** A fresh key pair that lives only in memory (tests: "a token signed by some other key"). */
export const createDevKeys = async (): Promise<DevKeys> => toDevKeys(await generateStoredKeys());

const readStoredKeys = (file: string): StoredKeys | undefined => {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const stored = JSON.parse(text) as Partial<StoredKeys>;
  if (typeof stored.kid !== 'string' || !stored.privateJwk || !stored.publicJwk) {
    throw new Error(`${file} is not a dev key file; delete it and a new key pair will be created`);
  }
  return stored as StoredKeys;
};

/**
 * Writes the new key file atomically and only if none exists (link fails on an existing
 * target), so `npm start` and `npm run token` racing on first use agree on one key pair.
 */
const createKeyFile = async (dir: string, file: string): Promise<StoredKeys> => {
  mkdirSync(dir, { recursive: true });
  const stored = await generateStoredKeys();
  const temp = join(dir, `.${DEV_KEY_FILE}.${randomUUID()}`);
  writeFileSync(temp, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
  try {
    linkSync(temp, file);
    return stored;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const winner = readStoredKeys(file);
    if (!winner) throw error;
    return winner;
  } finally {
    unlinkSync(temp);
  }
};

const loaded = new Map<string, Promise<DevKeys>>();

/** The persisted key pair in `keysDir` (default `<repo>/.local`), created on first use. */
export const loadDevKeys = (keysDir: string = DEFAULT_KEYS_DIR): Promise<DevKeys> => {
  let keys = loaded.get(keysDir);
  if (!keys) {
    const file = join(keysDir, DEV_KEY_FILE);
    keys = (async () => toDevKeys(readStoredKeys(file) ?? (await createKeyFile(keysDir, file))))();
    loaded.set(keysDir, keys);
  }
  return keys;
};

export interface DevTokenOptions {
  role: Role;
  /** Store ids for `custom:stores`; ignored for admin, whose token carries none. */
  stores?: readonly string[];
  sub?: string;
  username?: string;
  /** Seconds from now (negative for an already expired token) or `90s`, `30m`, `12h`, `7d`. Default 12h. */
  expiresIn?: number | string;
  /** Overrides for negative tests (another audience or issuer). */
  audience?: string;
  issuer?: string;
  /** Signing keys; default the persisted pair in `keysDir` (default `<repo>/.local`). */
  keys?: DevKeys;
  keysDir?: string;
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

export const durationSeconds = (value: number | string): number => {
  if (typeof value === 'number') return Math.trunc(value);
  const match = /^(-?\d+)([smhd]?)$/.exec(value.trim());
  if (!match?.[1]) throw new Error(`Not a duration: ${value} (use e.g. 3600, 90s, 30m, 12h or 7d)`);
  return Number(match[1]) * (UNIT_SECONDS[match[2] || 's'] ?? 1);
};

/** A Cognito-style ID token for the local gateway. */
export const signDevToken = async (options: DevTokenOptions): Promise<string> => {
  const keys = options.keys ?? (await loadDevKeys(options.keysDir));
  const username = options.username ?? `dev-${options.role}`;
  const stores = options.role === 'admin' ? [] : (options.stores ?? []);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    'cognito:username': username,
    'cognito:groups': [options.role],
    ...(stores.length > 0 ? { 'custom:stores': stores.join(',') } : {}),
    token_use: 'id',
    auth_time: now,
  })
    .setProtectedHeader({ alg: ALG, kid: keys.kid, typ: 'JWT' })
    .setSubject(options.sub ?? randomUUID())
    .setIssuer(options.issuer ?? DEV_ISSUER)
    .setAudience(options.audience ?? DEV_AUDIENCE)
    .setJti(randomUUID())
    .setIssuedAt(now)
    .setExpirationTime(now + durationSeconds(options.expiresIn ?? '12h'))
    .sign(keys.privateKey);
};

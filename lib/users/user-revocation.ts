/**
 * The revocation check of the request path. API Gateway's JWT authorizer checks a token's
 * signature and expiry, not whether its user was disabled since it was issued, so every
 * authorized request reads the user's mirror item: one eventually consistent GetItem of a small
 * item (projected to four attributes: 0.5 RCU), cached in memory per container for
 * USER_REVOCATION_CACHE_SECONDS (default 10), so a busy user costs at most one read per 10 s per
 * container, and a change takes effect within that (at once in the container that made it).
 * A token whose user has no mirror item (dev tokens, users never managed through the API) was
 * never revoked and passes.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Principal } from '../auth/principal.js';
import { documentClient, tableName } from '../db/client.js';
import { userKeys } from '../db/keys.js';
import { UnauthorizedError } from '../errors.js';

export interface MirrorState {
  enabled: boolean;
  role: string;
  storeIds: readonly string[];
  sessionsRevokedAt?: string;
}

const cacheMs = (): number => {
  const seconds = Number(process.env.USER_REVOCATION_CACHE_SECONDS ?? 10);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 10_000;
};
const CACHE_LIMIT = 1000;
const cache = new Map<string, { at: number; state: MirrorState | null }>();

/** Drops what this container remembers of a user (the service calls it after every change). */
export const forgetUser = (username: string): void => {
  cache.delete(username);
};

const readMirror = async (username: string): Promise<MirrorState | null> => {
  const hit = cache.get(username);
  if (hit && Date.now() - hit.at < cacheMs()) return hit.state;
  const { Item } = await documentClient.send(
    new GetCommand({
      TableName: tableName(),
      Key: userKeys.item(username),
      ProjectionExpression: 'enabled, #role, storeIds, sessionsRevokedAt',
      ExpressionAttributeNames: { '#role': 'role' },
    }),
  );
  const state = Item ? (Item as MirrorState) : null;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(username, { at: Date.now(), state });
  return state;
};

/** Why a token of `principal` issued at `issuedAt` (seconds) is no longer good, or undefined. */
export const revocationReason = (
  principal: Principal,
  issuedAt: number | undefined,
  mirror: MirrorState | null,
): string | undefined => {
  if (!mirror) return undefined;
  if (!mirror.enabled) return 'This account is disabled.';
  if (mirror.sessionsRevokedAt !== undefined) {
    const revokedAt = Date.parse(mirror.sessionsRevokedAt);
    // iat has whole seconds: a token from the second of the revocation counts as before it.
    if (issuedAt === undefined || issuedAt * 1000 < revokedAt)
      return 'This session was revoked; sign in again.';
  }
  const tokenStores = principal.storeIds === 'all' ? [] : principal.storeIds;
  const sameStores =
    tokenStores.length === mirror.storeIds.length && tokenStores.every((id) => mirror.storeIds.includes(id));
  // A token from before a change of role or stores would still carry the old ones.
  if (principal.role !== mirror.role || !sameStores)
    return 'Your role or stores have changed; sign in again.';
  return undefined;
};

/**
 * 401 for a disabled user, a session revoked after the token was issued, or a token whose role
 * or stores are no longer the user's. Functions without the table (only public ones today; a
 * unit test holds every authorized function to a table binding) have nothing to read.
 */
export const assertNotRevoked = async (principal: Principal, issuedAt: number | undefined): Promise<void> => {
  if (!process.env.TABLE_NAME) return;
  const reason = revocationReason(principal, issuedAt, await readMirror(principal.userId));
  if (reason) throw new UnauthorizedError(reason);
};

import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../lib/auth/principal.js';
import { userKeys } from '../../lib/db/keys.js';
import { getItem } from '../../lib/db/query-page.js';
import { authorizeRequest } from '../../lib/http/authorize-request.js';
import { createStore } from '../../lib/stores/store-service.js';
import { useUserDirectory } from '../../lib/users/directory-for-environment.js';
import { localUserDirectory, readLocalUser } from '../../lib/users/local-user-directory.js';
import { LOCAL_USER_DIRECTORY_ENV } from '../../lib/users/user-directory.js';
import { assertNotRevoked, forgetUser } from '../../lib/users/user-revocation.js';
import { createUser, disableUser, getUser, listUsers, updateUser } from '../../lib/users/user-service.js';
import { admin, managerOf, storeInput, uniqueSuffix } from '../support/fixtures.js';

let dir: string;
let storeA: string;
let storeB: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'storefleet-users-it-'));
  process.env[LOCAL_USER_DIRECTORY_ENV] = dir;
  storeA = (await createStore(admin, storeInput())).storeId;
  storeB = (await createStore(admin, storeInput())).storeId;
});
afterEach(() => useUserDirectory(undefined));

const name = () => `u${uniqueSuffix().toLowerCase()}`;
const staffInput = (storeId: string, username = name()) => ({
  username,
  email: `${username}@example.com`,
  role: 'staff' as const,
  storeIds: [storeId],
});
const mirrorOf = (username: string) => getItem(userKeys.item(username));
const status = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: { status?: number }) => error.status,
  );

describe('user administration against DynamoDB Local and the local directory', () => {
  it('a manager creates staff of their store: mirror and directory agree, and the manager lists them', async () => {
    const manager = managerOf(storeA);
    const user = await createUser(manager, staffInput(storeA));
    expect(user).toMatchObject({
      role: 'staff',
      storeIds: [storeA],
      enabled: true,
      version: 1,
      updatedBy: 'test-manager',
    });
    expect(await mirrorOf(user.username)).toMatchObject({ entityType: 'User', role: 'staff', enabled: true });
    expect(await readLocalUser(dir, user.username)).toMatchObject({
      role: 'staff',
      storeIds: [storeA],
      enabled: true,
    });
    expect(await getUser(manager, user.username)).toEqual(user);
    const page = await listUsers(manager, { limit: 100 });
    expect(page.items.map((each) => each.username)).toContain(user.username);
    expect(page.items.every((each) => each.role === 'staff' && each.storeIds[0] === storeA)).toBe(true);
  });

  it('a manager may not create a manager, staff of another store, or see another store’s staff; nothing is written', async () => {
    const manager = managerOf(storeA);
    const promoted = { ...staffInput(storeA), role: 'manager' as const };
    expect(await status(createUser(manager, promoted))).toBe(403);
    const elsewhere = staffInput(storeB);
    expect(await status(createUser(manager, elsewhere))).toBe(403);
    expect(await mirrorOf(promoted.username)).toBeUndefined();
    expect(await readLocalUser(dir, elsewhere.username)).toBeUndefined();
    const theirs = await createUser(admin, staffInput(storeB));
    expect(await status(getUser(manager, theirs.username))).toBe(404);
    expect(await status(disableUser(manager, theirs.username))).toBe(404);
    expect(await status(listUsers(manager, { storeId: storeB, limit: 10 }))).toBe(404);
    const own = await listUsers(manager, { limit: 100 });
    expect(own.items.map((each) => each.username)).not.toContain(theirs.username);
  });

  it('refuses a store that does not exist (400 naming it) and a wrong number of stores, writing nothing', async () => {
    const input = staffInput('st_nowhere');
    const error = await createUser(admin, input).catch(
      (thrown: { status: number; errors: unknown[] }) => thrown,
    );
    expect(error).toMatchObject({ status: 400, errors: [{ path: 'body.storeIds[0]' }] });
    expect(await status(createUser(admin, { ...staffInput(storeA), storeIds: [storeA, storeB] }))).toBe(400);
    expect(await mirrorOf(input.username)).toBeUndefined();
    expect((await readdir(dir)).includes(`${input.username}.json`)).toBe(false);
  });

  it('lets exactly one of concurrent creates claim a username', async () => {
    const input = staffInput(storeA);
    const results = await Promise.all(Array.from({ length: 5 }, () => status(createUser(admin, input))));
    expect(results.filter((result) => result === 'ok')).toHaveLength(1);
    expect(results.filter((result) => result === 409)).toHaveLength(4);
  });

  it('releases the name when the directory refuses the user, so a retry can succeed', async () => {
    const input = staffInput(storeA);
    const real = localUserDirectory(dir);
    useUserDirectory({ ...real, create: async () => Promise.reject(new Error('pool unavailable')) });
    await expect(createUser(admin, input)).rejects.toThrow('pool unavailable');
    expect(await mirrorOf(input.username)).toBeUndefined();
    useUserDirectory(undefined);
    expect((await createUser(admin, input)).version).toBe(1);
  });

  it('changes role and stores at the version read (412 when stale); a manager keeps staff staff', async () => {
    const user = await createUser(admin, staffInput(storeA));
    expect(await status(updateUser(admin, user.username, { role: 'manager' }, 2))).toBe(412);
    const promoted = await updateUser(
      admin,
      user.username,
      { role: 'manager', storeIds: [storeA, storeB] },
      1,
    );
    expect(promoted).toMatchObject({
      role: 'manager',
      storeIds: [storeA, storeB],
      version: 2,
      updatedBy: 'test-admin',
    });
    expect(await readLocalUser(dir, user.username)).toMatchObject({
      role: 'manager',
      storeIds: [storeA, storeB],
    });
    const asAdmin = await updateUser(admin, user.username, { role: 'admin' }, 2);
    expect(asAdmin.storeIds).toEqual([]);
    const staff = await createUser(admin, staffInput(storeA));
    const manager = managerOf(storeA, storeB);
    const moved = await updateUser(manager, staff.username, { storeIds: [storeB] }, 1);
    expect(moved.storeIds).toEqual([storeB]);
    expect(await status(updateUser(manager, staff.username, { role: 'manager' }, 2))).toBe(403);
    expect(await status(updateUser(admin, 'test-admin', { enabled: false }, 1))).toBe(404);
  });

  it('disables: mirror and directory say so, sessions revoked; a second disable writes nothing', async () => {
    const user = await createUser(admin, staffInput(storeA));
    const disabled = await disableUser(managerOf(storeA), user.username);
    expect(disabled).toMatchObject({ enabled: false, version: 2 });
    expect(disabled.sessionsRevokedAt).toBeDefined();
    const local = await readLocalUser(dir, user.username);
    expect(local).toMatchObject({ enabled: false });
    expect(local?.sessionsRevokedAt).toBeDefined();
    expect((await disableUser(admin, user.username)).version).toBe(2);
    const enabled = await updateUser(admin, user.username, { enabled: true }, 2);
    expect(enabled).toMatchObject({
      enabled: true,
      version: 3,
      sessionsRevokedAt: disabled.sessionsRevokedAt,
    });
  });

  it('the request path refuses a disabled user’s older token and passes users without a mirror', async () => {
    const user = await createUser(admin, staffInput(storeA));
    const principal: Principal = { userId: user.username, role: 'staff', storeIds: [storeA] };
    const issuedAt = Math.floor(Date.now() / 1000) - 60;
    await expect(assertNotRevoked(principal, issuedAt)).resolves.toBeUndefined();
    await disableUser(admin, user.username);
    await expect(assertNotRevoked(principal, issuedAt)).rejects.toMatchObject({ status: 401 });
    const event = {
      requestContext: {
        authorizer: {
          jwt: {
            claims: {
              sub: 'x',
              'cognito:username': user.username,
              'cognito:groups': '[staff]',
              'custom:stores': storeA,
              iat: String(issuedAt),
            },
            scopes: null,
          },
        },
      },
    } as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;
    await expect(authorizeRequest(event, 'stores:read')).rejects.toMatchObject({ status: 401 });
    const devUser: Principal = { userId: 'dev-staff', role: 'staff', storeIds: [storeA] };
    await expect(assertNotRevoked(devUser, issuedAt)).resolves.toBeUndefined();
  });

  it('costs one small GetItem per user per cache period (measured against DynamoDB Local)', async () => {
    const user = await createUser(admin, staffInput(storeA));
    const principal: Principal = { userId: user.username, role: 'staff', storeIds: [storeA] };
    const now = Math.floor(Date.now() / 1000);
    const rounds = 50;
    let started = performance.now();
    for (let i = 0; i < rounds; i++) {
      forgetUser(user.username);
      await assertNotRevoked(principal, now);
    }
    const uncached = (performance.now() - started) / rounds;
    started = performance.now();
    for (let i = 0; i < rounds; i++) await assertNotRevoked(principal, now);
    const cached = (performance.now() - started) / rounds;
    console.info(
      `revocation check: ${uncached.toFixed(2)} ms uncached (one GetItem), ${cached.toFixed(3)} ms cached`,
    );
    expect(cached).toBeLessThan(uncached);
  });
});

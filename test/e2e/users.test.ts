/**
 * A user made through the API signs in locally and is held to their store: created by a manager
 * as staff of one store, they get a token from `npm run token -- --user` (the CLI itself), read
 * their store, are refused another; once disabled, their token from before is refused and the
 * CLI issues no new one.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { REPO_ROOT } from '../../infra/local/repo-paths.js';
import { api, expectSuccess, rejected, tokenFor } from '../support/e2e-client.js';
import { createStore } from '../support/e2e-resources.js';
import { uniqueSuffix } from '../support/fixtures.js';

const run = promisify(execFile);

/** `npm run --silent token -- --user <name>`, against this run's keys and local user directory. */
const tokenCli = (username: string) =>
  run(
    join(REPO_ROOT, 'node_modules/.bin/tsx'),
    ['infra/local/token.ts', '--user', username, '--users-dir', inject('usersDir')],
    { cwd: REPO_ROOT, env: { ...process.env, STOREFLEET_KEYS_DIR: inject('keysDir') } },
  );

let admin: string;
let storeA: string;
let storeB: string;
beforeAll(async () => {
  admin = await tokenFor('admin');
  storeA = (await createStore(admin)).storeId;
  storeB = (await createStore(admin)).storeId;
});

describe('a user created through POST /users', () => {
  it('signs in as staff of one store, is refused another, and is refused once disabled', async () => {
    const managerName = `mgr-${uniqueSuffix().toLowerCase()}`;
    expectSuccess(
      await api('POST', '/users', {
        token: admin,
        body: {
          username: managerName,
          email: `${managerName}@example.com`,
          role: 'manager',
          storeIds: [storeA],
        },
      }),
      201,
    );
    // The manager's token as the pool would issue it: the mirror agrees, so the request path lets it through.
    const manager = await tokenFor('manager', [storeA], { username: managerName });

    const username = `staff-${uniqueSuffix().toLowerCase()}`;
    await rejected('POST', '/users', 403, {
      token: manager,
      body: { username, email: `${username}@example.com`, role: 'staff', storeIds: [storeB] },
    });
    const created = expectSuccess(
      await api<{ username: string; role: string; storeIds: string[]; updatedBy: string }>('POST', '/users', {
        token: manager,
        body: {
          username,
          email: `${username}@example.com`,
          role: 'staff',
          storeIds: [storeA],
          givenName: 'Sam',
        },
      }),
      201,
    );
    expect(created).toMatchObject({ username, role: 'staff', storeIds: [storeA], updatedBy: managerName });

    const { stdout } = await tokenCli(username);
    const staff = stdout.trim();
    expect(staff.split('.')).toHaveLength(3);
    expectSuccess(await api('GET', `/stores/${storeA}`, { token: staff }), 200);
    expectSuccess(await api('GET', `/stores/${storeA}/inventory`, { token: staff }), 200);
    await rejected('GET', `/stores/${storeB}`, 404, { token: staff });
    await rejected('GET', `/stores/${storeB}/inventory`, 404, { token: staff });
    // Staff hold no users:manage.
    await rejected('GET', '/users', 403, { token: staff });

    const disabled = expectSuccess(
      await api<{ enabled: boolean }>('POST', `/users/${username}/disable`, { token: manager }),
      200,
    );
    expect(disabled.enabled).toBe(false);
    const refused = await rejected('GET', `/stores/${storeA}`, 401, { token: staff });
    expect(refused.detail).toMatch(/disabled/);
    await expect(tokenCli(username)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/disabled/),
    });

    const listed = expectSuccess(
      await api<{ items: { username: string; enabled: boolean }[] }>('GET', '/users?limit=100', {
        token: manager,
      }),
      200,
    );
    expect(listed.items.find((item) => item.username === username)).toMatchObject({ enabled: false });
    expect(listed.items.some((item) => item.username === managerName)).toBe(false);
  });
});

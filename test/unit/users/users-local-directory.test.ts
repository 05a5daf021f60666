import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../../../lib/errors.js';
import { localUserDirectory, readLocalUser } from '../../../lib/users/local-user-directory.js';
import type { DirectoryUser } from '../../../lib/users/user-directory.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'storefleet-users-unit-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ann: DirectoryUser = {
  username: 'ann',
  email: 'ann@example.com',
  role: 'staff',
  storeIds: ['st_a'],
  enabled: true,
};

describe('the local user directory', () => {
  it('keeps one file per user, refuses a second user of the same name or email', async () => {
    const directory = localUserDirectory(dir);
    await directory.create(ann);
    expect(await readLocalUser(dir, 'ann')).toEqual(ann);
    const sameName = await directory
      .create({ ...ann, email: 'other@example.com' })
      .catch((error: unknown) => error);
    expect(sameName).toBeInstanceOf(ConflictError);
    expect((sameName as ConflictError).errors?.[0]?.path).toBe('body.username');
    const sameEmail = await directory.create({ ...ann, username: 'anna' }).catch((error: unknown) => error);
    expect((sameEmail as ConflictError).errors?.[0]?.path).toBe('body.email');
    expect(await readdir(dir)).toEqual(['ann.json']);
  });

  it('syncs role, stores and access, records a revocation, and removes', async () => {
    const directory = localUserDirectory(dir);
    await directory.create(ann);
    await directory.sync({ ...ann, role: 'manager', storeIds: ['st_a', 'st_b'], enabled: false });
    await directory.revokeSessions('ann');
    const user = await readLocalUser(dir, 'ann');
    expect(user).toMatchObject({ role: 'manager', storeIds: ['st_a', 'st_b'], enabled: false });
    expect(Date.parse(user?.sessionsRevokedAt ?? '')).toBeGreaterThan(Date.now() - 5000);
    await directory.remove('ann');
    expect(await readLocalUser(dir, 'ann')).toBeUndefined();
    await expect(directory.sync(ann)).rejects.toThrow(/no user ann/);
  });

  it('never turns a name into a path outside its folder', async () => {
    await expect(readLocalUser(dir, '../../etc/passwd')).rejects.toThrow(/Not a username/);
  });
});

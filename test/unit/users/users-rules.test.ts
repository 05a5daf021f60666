import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../lib/auth/principal.js';
import { type AppError, ForbiddenError, ValidationError } from '../../../lib/errors.js';
import {
  assertMayAssign,
  assertNotSelf,
  assertUserShape,
  mayManage,
  storeIssues,
} from '../../../lib/users/user-rules.js';
import { CreateUserBody, UpdateUserBody, Username } from '../../../lib/users/user-schemas.js';

const admin: Principal = { userId: 'root', role: 'admin', storeIds: 'all' };
const finance: Principal = { userId: 'fin', role: 'finance', storeIds: 'all' };
const manager: Principal = { userId: 'mia', role: 'manager', storeIds: ['st_a', 'st_b'] };
const staff: Principal = { userId: 'sam', role: 'staff', storeIds: ['st_a'] };

const thrown = (run: () => void): AppError => {
  try {
    run();
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected an error');
};

describe('the stores a role takes', () => {
  it('staff exactly one, managers at least one, admin and finance none', () => {
    expect(storeIssues({ role: 'staff', storeIds: ['st_a'] })).toEqual([]);
    expect(storeIssues({ role: 'staff', storeIds: [] })[0]?.path).toBe('body.storeIds');
    expect(storeIssues({ role: 'staff', storeIds: ['st_a', 'st_b'] })).toHaveLength(1);
    expect(storeIssues({ role: 'manager', storeIds: [] })).toHaveLength(1);
    expect(storeIssues({ role: 'manager', storeIds: ['st_a', 'st_b'] })).toEqual([]);
    expect(storeIssues({ role: 'admin', storeIds: ['st_a'] })).toHaveLength(1);
    expect(storeIssues({ role: 'finance', storeIds: [] })).toEqual([]);
    expect(thrown(() => assertUserShape({ role: 'finance', storeIds: ['st_a'] }))).toBeInstanceOf(
      ValidationError,
    );
  });
});

describe('who may manage whom', () => {
  it('an admin manages everyone', () => {
    for (const role of ['admin', 'manager', 'staff', 'finance'] as const)
      expect(mayManage(admin, { role, storeIds: role === 'staff' ? ['st_z'] : [] })).toBe(true);
  });

  it('a manager manages only staff of their own stores', () => {
    expect(mayManage(manager, { role: 'staff', storeIds: ['st_a'] })).toBe(true);
    expect(mayManage(manager, { role: 'staff', storeIds: ['st_b'] })).toBe(true);
    expect(mayManage(manager, { role: 'staff', storeIds: ['st_c'] })).toBe(false);
    expect(mayManage(manager, { role: 'manager', storeIds: ['st_a'] })).toBe(false);
    expect(mayManage(manager, { role: 'admin', storeIds: [] })).toBe(false);
    expect(mayManage(manager, { role: 'finance', storeIds: [] })).toBe(false);
  });

  it('staff and finance manage nobody', () => {
    expect(mayManage(staff, { role: 'staff', storeIds: ['st_a'] })).toBe(false);
    expect(mayManage(finance, { role: 'staff', storeIds: ['st_a'] })).toBe(false);
  });

  it('a manager gives only the staff role, and only their stores (403 naming the field)', () => {
    expect(() => assertMayAssign(manager, { role: 'staff', storeIds: ['st_b'] })).not.toThrow();
    const promoted = thrown(() => assertMayAssign(manager, { role: 'manager', storeIds: ['st_a'] }));
    expect(promoted).toBeInstanceOf(ForbiddenError);
    expect(promoted.errors?.[0]?.path).toBe('body.role');
    const elsewhere = thrown(() => assertMayAssign(manager, { role: 'staff', storeIds: ['st_c'] }));
    expect(elsewhere).toBeInstanceOf(ForbiddenError);
    expect(elsewhere.errors?.[0]?.path).toBe('body.storeIds');
    expect(() => assertMayAssign(admin, { role: 'admin', storeIds: [] })).not.toThrow();
    expect(thrown(() => assertMayAssign(staff, { role: 'staff', storeIds: ['st_a'] }))).toBeInstanceOf(
      ForbiddenError,
    );
  });

  it('nobody changes their own account', () => {
    expect(thrown(() => assertNotSelf(admin, 'root'))).toBeInstanceOf(ForbiddenError);
    expect(() => assertNotSelf(admin, 'someone')).not.toThrow();
  });
});

describe('the user schemas', () => {
  it('lower-cases usernames and emails, and refuses emails and odd characters as usernames', () => {
    expect(Username.parse(' Ann.Lee ')).toBe('ann.lee');
    for (const bad of ['ab', 'ann@example.com', '1ann', 'ann lee', '../etc', 'a'.repeat(65)])
      expect(Username.safeParse(bad).success, bad).toBe(false);
    const body = CreateUserBody.parse({ username: 'ann', email: 'Ann@Example.COM', role: 'admin' });
    expect(body).toMatchObject({ email: 'ann@example.com', storeIds: [] });
    expect(
      CreateUserBody.safeParse({ username: 'ann', email: 'x@y.z', role: 'staff', storeIds: ['a', 'a'] })
        .success,
    ).toBe(false);
    expect(CreateUserBody.safeParse({ username: 'ann', email: 'x@y.z', role: 'owner' }).success).toBe(false);
  });

  it('a change must change something, and nothing else than role, stores or access', () => {
    expect(UpdateUserBody.safeParse({}).success).toBe(false);
    expect(UpdateUserBody.safeParse({ email: 'x@y.z' }).success).toBe(false);
    expect(UpdateUserBody.parse({ enabled: false })).toEqual({ enabled: false });
  });
});

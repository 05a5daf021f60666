import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../lib/auth/principal.js';
import { type MirrorState, revocationReason } from '../../../lib/users/user-revocation.js';

const staff: Principal = { userId: 'sam', role: 'staff', storeIds: ['st_a'] };
const admin: Principal = { userId: 'root', role: 'admin', storeIds: 'all' };
const mirror = (overrides: Partial<MirrorState> = {}): MirrorState => ({
  enabled: true,
  role: 'staff',
  storeIds: ['st_a'],
  ...overrides,
});
const at = (iso: string) => Date.parse(iso) / 1000;

describe('the revocation check of the request path', () => {
  it('passes a user without a mirror item (dev tokens, users never managed through the API)', () => {
    expect(revocationReason(staff, at('2026-01-01T00:00:00Z'), null)).toBeUndefined();
    expect(revocationReason(staff, undefined, null)).toBeUndefined();
  });

  it('passes a token that matches the user', () => {
    expect(revocationReason(staff, at('2026-01-01T00:00:00Z'), mirror())).toBeUndefined();
    expect(
      revocationReason(admin, at('2026-01-01T00:00:00Z'), mirror({ role: 'admin', storeIds: [] })),
    ).toBeUndefined();
  });

  it('refuses a disabled user whatever the token', () => {
    expect(revocationReason(staff, at('2030-01-01T00:00:00Z'), mirror({ enabled: false }))).toMatch(
      /disabled/,
    );
  });

  it('refuses a token issued before the sessions were revoked, also in the same second', () => {
    const revoked = mirror({ sessionsRevokedAt: '2026-01-01T10:00:00.500Z' });
    expect(revocationReason(staff, at('2026-01-01T09:00:00Z'), revoked)).toMatch(/revoked/);
    expect(revocationReason(staff, at('2026-01-01T10:00:00Z'), revoked)).toMatch(/revoked/);
    expect(revocationReason(staff, undefined, revoked)).toMatch(/revoked/);
    expect(revocationReason(staff, at('2026-01-01T10:00:01Z'), revoked)).toBeUndefined();
  });

  it('refuses a token whose role or stores are no longer the user’s', () => {
    expect(revocationReason(staff, at('2026-01-01T00:00:00Z'), mirror({ storeIds: ['st_b'] }))).toMatch(
      /changed/,
    );
    expect(revocationReason(staff, at('2026-01-01T00:00:00Z'), mirror({ role: 'manager' }))).toMatch(
      /changed/,
    );
    expect(revocationReason(admin, at('2026-01-01T00:00:00Z'), mirror({ role: 'staff' }))).toMatch(/changed/);
  });
});

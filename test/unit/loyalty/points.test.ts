import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

const load = async (env: Record<string, string> = {}) => {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  vi.stubEnv('TABLE_NAME', 'unit');
  return import('../../../lib/loyalty/points.js');
};

describe('loyalty rates', () => {
  it('earns 1 point per dollar and values a point at 1 cent by default', async () => {
    const { LOYALTY, pointsEarnedFor, redemptionValueOf } = await load();
    expect(LOYALTY).toEqual({ earnPointsPerMajorUnit: 1, pointValueMinorUnits: 1 });
    expect(pointsEarnedFor(4599)).toBe(45);
    expect(pointsEarnedFor(99)).toBe(0);
    expect(pointsEarnedFor(0)).toBe(0);
    expect(pointsEarnedFor(-500)).toBe(0);
    expect(redemptionValueOf(250)).toBe(250);
  });

  it('reads the rates from the environment and floors to whole points and cents', async () => {
    const { pointsEarnedFor, redemptionValueOf } = await load({
      LOYALTY_POINTS_PER_DOLLAR: '1.1',
      LOYALTY_POINT_VALUE_CENTS: '0.5',
    });
    expect(pointsEarnedFor(1000)).toBe(11);
    expect(pointsEarnedFor(3000)).toBe(33);
    expect(pointsEarnedFor(999)).toBe(10);
    expect(redemptionValueOf(3)).toBe(1);
  });

  it('refuses a nonsense rate at start-up', async () => {
    await expect(load({ LOYALTY_POINTS_PER_DOLLAR: 'lots' })).rejects.toThrow(/LOYALTY_POINTS_PER_DOLLAR/);
  });
});

describe('pointsChangeWrites', () => {
  it('builds an ADD on the balance and a ledger put; only a deduction is conditional on the balance', async () => {
    const { pointsChangeWrites } = await load();
    const now = new Date('2025-06-15T10:00:00.000Z');
    const actor = { userId: 'system:test' } as const;
    const [earn, entry] = pointsChangeWrites({ customerId: 'cu_1', delta: 45, reason: 'earned' }, actor, now);
    expect(earn?.write.Update).toMatchObject({
      Key: { pk: 'CUSTOMER#cu_1', sk: 'CUSTOMER' },
      UpdateExpression: 'ADD pointsBalance :delta',
      ConditionExpression: 'attribute_exists(pk)',
    });
    expect(entry?.write.Put?.Item).toMatchObject({
      pk: 'CUSTOMER#cu_1',
      sk: expect.stringMatching(/^POINTS#2025-06-15T10:00:00\.000Z#pt_/),
      delta: 45,
      reason: 'earned',
      actor: 'system:test',
    });
    const [burn] = pointsChangeWrites(
      { customerId: 'cu_1', delta: -30, reason: 'redeemed', reference: { type: 'order', id: 'or_1' } },
      actor,
      now,
    );
    expect(burn?.write.Update?.ConditionExpression).toBe('attribute_exists(pk) AND pointsBalance >= :need');
    expect(burn?.write.Update?.ExpressionAttributeValues).toMatchObject({ ':delta': -30, ':need': 30 });
    expect(burn?.onConditionFailed?.({ pointsBalance: 10 })).toMatchObject({
      status: 409,
      slug: 'insufficient-points',
      extensions: { balance: 10, requested: 30 },
    });
    expect(burn?.onConditionFailed?.(undefined)).toMatchObject({ status: 404 });
    expect(pointsChangeWrites({ customerId: 'cu_1', delta: 0, reason: 'adjusted' }, actor, now)).toEqual([]);
    expect(() =>
      pointsChangeWrites({ customerId: 'cu_1', delta: 1.5, reason: 'adjusted' }, actor, now),
    ).toThrow();
  });
});

describe('pointsChangesWrites', () => {
  it('moves the balance once by the net and records each change; a net deduction is conditional', async () => {
    const { pointsChangesWrites } = await load();
    const now = new Date('2025-06-15T10:00:00.000Z');
    const actor = { userId: 'system:test' } as const;
    const writes = pointsChangesWrites(
      'cu_1',
      [
        { delta: 500, reason: 'reversed', note: 'returned' },
        { delta: -40, reason: 'reversed', note: 'taken back' },
        { delta: 0, reason: 'adjusted' },
      ],
      actor,
      now,
    );
    expect(writes).toHaveLength(3);
    expect(writes[0]?.write.Update).toMatchObject({
      ExpressionAttributeValues: { ':delta': 460 },
      ConditionExpression: 'attribute_exists(pk)',
    });
    expect(writes.slice(1).map((write) => write.write.Put?.Item?.delta)).toEqual([500, -40]);
    const entryKeys = writes.slice(1).map((write) => write.write.Put?.Item?.sk);
    expect(new Set(entryKeys).size).toBe(2);

    const [net] = pointsChangesWrites(
      'cu_1',
      [
        { delta: 10, reason: 'reversed' },
        { delta: -30, reason: 'reversed' },
      ],
      actor,
      now,
    );
    expect(net?.write.Update).toMatchObject({
      ConditionExpression: 'attribute_exists(pk) AND pointsBalance >= :need',
      ExpressionAttributeValues: { ':delta': -20, ':need': 20 },
    });
    expect(pointsChangesWrites('cu_1', [{ delta: 0, reason: 'adjusted' }], actor, now)).toEqual([]);
  });
});

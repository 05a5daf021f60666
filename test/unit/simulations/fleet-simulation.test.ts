import { describe, expect, it } from 'vitest';
import { appDefinition } from '../../../infra/app-definition.js';
import { dayInvocations, scheduleTimes } from '../../../infra/local/simulations/fleet/day-invocations.js';
import { scenarioOf, simulateFleet } from '../../../infra/local/simulations/fleet/fleet-simulation.js';
import { deployUnits, grantsOf, privilegeReport } from '../../../infra/local/simulations/fleet/packaging.js';
import { activities, reactions } from '../../../infra/local/simulations/fleet/request-mix.js';
import { seededRandom } from '../../../infra/local/simulations/seeded-random.js';

describe('the request mix', () => {
  it('names only functions of the app definition, with 24 hourly rates per activity', () => {
    for (const activity of activities) {
      expect(activity.perHour).toHaveLength(24);
      for (const step of activity.steps) expect(appDefinition.functions).toHaveProperty(step.fn);
    }
    for (const reaction of reactions) expect(appDefinition.functions).toHaveProperty(reaction.fn);
  });
});

describe('scheduleTimes', () => {
  it('reads the rate and cron forms the app definition uses, and refuses others', () => {
    expect(scheduleTimes('rate(5 minutes)')).toHaveLength(288);
    expect(scheduleTimes('rate(1 hour)')).toHaveLength(24);
    expect(scheduleTimes('cron(30 1 * * ? *)')).toEqual([5400]);
    expect(() => scheduleTimes('cron(0/5 * * * ? *)')).toThrow('not a form');
  });
});

describe('dayInvocations', () => {
  const mix = [
    {
      name: 'sale',
      description: 'test',
      perHour: Array.from({ length: 24 }, (_, hour) => (hour === 12 ? 600 : 0)),
      steps: [
        { fn: 'createOrder' as const, count: 1, afterSeconds: 0 },
        { fn: 'recordOrderPayment' as const, count: 1, afterSeconds: 30 },
      ],
    },
  ];
  const day = (seed: number) => dayInvocations({ random: seededRandom(seed), app: appDefinition, mix });

  it('is the same day for the same seed, and sorted by time', () => {
    expect(day(7)).toEqual(day(7));
    const times = day(7).map((invocation) => invocation.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('sends each activity’s steps in order, adds the schedules, and batches the writes for stream readers', () => {
    const invocations = day(7);
    const count = (fn: string) => invocations.filter((invocation) => invocation.fn === fn).length;
    // ~600 sales in the hour (Poisson), each with its payment; the expiry job every five minutes.
    expect(count('createOrder')).toBeGreaterThan(500);
    expect(count('createOrder')).toBeLessThan(700);
    expect(count('recordOrderPayment')).toBe(count('createOrder'));
    expect(count('expireUnpaidOrders')).toBe(288);
    // A batch holds every write of its one-second window: fewer invocations than writes, none within a second.
    const batches = invocations.filter((invocation) => invocation.fn === 'publishDomainEvents');
    const writes = [
      'createOrder',
      'recordOrderPayment',
      'countOrderEvent',
      'planOnLowStock',
      'expireUnpaidOrders',
    ]
      .map(count)
      .reduce((a, b) => a + b);
    expect(batches.length).toBeLessThan(writes);
    expect(batches.length).toBeGreaterThan(0);
    batches.slice(1).forEach((batch, i) => {
      expect(batch.at - (batches[i]?.at ?? 0)).toBeGreaterThanOrEqual(1);
    });
  });
});

describe('packaging', () => {
  it('deploys one unit per function, per domain, or per domain and grant set', () => {
    const names = (packaging: 'per-route' | 'per-domain' | 'per-grant-set') =>
      new Set([...deployUnits(appDefinition, packaging).values()].map((unit) => unit.name));
    expect(names('per-route').size).toBe(Object.keys(appDefinition.functions).length);
    expect(names('per-domain').size).toBe(Object.keys(appDefinition.domains).length);
    expect(names('per-grant-set').size).toBeGreaterThan(names('per-domain').size);
    expect(names('per-grant-set').size).toBeLessThan(names('per-route').size);
  });

  it('derives grants from bindings and triggers as the CDK construct grants them', () => {
    expect([...grantsOf(appDefinition.functions.getStore)].sort()).toEqual([
      'dynamodb:read table',
      'secretsmanager:GetSecretValue cursor secret',
    ]);
    expect(grantsOf(appDefinition.functions.createUser)).toContain('cognito-idp:Admin* user pool');
    expect(grantsOf(appDefinition.functions.exportChanges)).toContain('dynamodb:PutItem AUDIT#*');
    expect(grantsOf(appDefinition.functions.exportChanges)).toContain('dynamodb:read table stream');
    expect(grantsOf(appDefinition.functions.getImport)).toContain('s3:GetObject imports/reports/*');
  });

  it('costs least privilege only when handlers of different grants share a unit', () => {
    expect(privilegeReport(appDefinition, 'per-route').excessGrants).toBe(0);
    expect(privilegeReport(appDefinition, 'per-grant-set').excessGrants).toBe(0);
    const perDomain = privilegeReport(appDefinition, 'per-domain');
    expect(perDomain.readersThatCouldWrite).toBeGreaterThan(0);
    const users = perDomain.units.find((unit) => unit.unit === 'users');
    expect(users?.overPrivileged).toEqual(expect.arrayContaining(['listUsers', 'getUser']));
    expect(users?.grants).toContain('cognito-idp:Admin* user pool');
  });
});

describe('simulateFleet', () => {
  it('gives fewer cold starts to fewer, larger deploy units and to a longer idle period, deterministically', () => {
    const simulation = simulateFleet({ idleMinutes: [5, 30] });
    const per1000 = (packaging: 'per-route' | 'per-domain' | 'per-grant-set', idle: number) =>
      scenarioOf(simulation, packaging, idle).result.coldStartsPer1000;
    expect(per1000('per-domain', 5)).toBeLessThan(per1000('per-grant-set', 5));
    expect(per1000('per-grant-set', 5)).toBeLessThan(per1000('per-route', 5));
    for (const packaging of ['per-route', 'per-domain', 'per-grant-set'] as const)
      expect(per1000(packaging, 30)).toBeLessThan(per1000(packaging, 5));
    expect(simulation.invocations).toBe(simulateFleet({ idleMinutes: [5] }).invocations);
  });
});

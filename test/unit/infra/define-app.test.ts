import { describe, expect, it } from 'vitest';
import {
  appDefinition,
  functionEntries,
  functionsWithTrigger,
  httpRoutes,
} from '../../../infra/app-definition.js';
import type { FunctionDefinition } from '../../../infra/app-definition-types.js';
import { defineApp } from '../../../infra/define-app.js';

const fn = (entry: `functions/${string}.ts`): FunctionDefinition => ({
  entry,
  description: entry,
  triggers: [],
  bindings: [],
});
const base = {
  service: 'svc',
  cors: appDefinition.cors,
  topics: {},
  buckets: { lake: { description: 'lake', environmentVariable: 'LAKE_BUCKET' } },
};

describe('defineApp', () => {
  it('lists every function of every domain once, by name', () => {
    const app = defineApp({
      ...base,
      domains: { alpha: { one: fn('functions/a/one.ts') }, beta: { two: fn('functions/b/two.ts') } },
    });
    expect(Object.keys(app.functions).sort()).toEqual(['one', 'two']);
    expect(app.functions.two.entry).toBe('functions/b/two.ts');
  });

  it('refuses a function name two domains declare, instead of silently keeping one', () => {
    expect(() =>
      defineApp({
        ...base,
        domains: { alpha: { same: fn('functions/a/x.ts') }, beta: { same: fn('functions/b/x.ts') } },
      }),
    ).toThrow('Function same is declared by both alpha and beta');
  });

  it('refuses a domain name that cannot name a nested stack cleanly', () => {
    expect(() =>
      defineApp({ ...base, domains: { 'Bad Domain': { one: fn('functions/a/one.ts') } } }),
    ).toThrow(/kebab-case/);
  });

  it('refuses a binding to a topic the app definition does not declare', () => {
    const publisher: FunctionDefinition = {
      ...fn('functions/a/p.ts'),
      bindings: [{ topic: 'nope', access: 'publish' }],
    };
    expect(() => defineApp({ ...base, domains: { alpha: { publisher } } })).toThrow(
      'Function publisher binds topic nope, which the app definition does not declare',
    );
  });

  it('refuses a binding to an undeclared bucket or a prefix without a trailing slash, and allows several prefixes', () => {
    const bind = (bucket: string, prefix: `${string}/`): FunctionDefinition => ({
      ...fn('functions/a/b.ts'),
      bindings: [{ bucket, access: 'read', prefix }],
    });
    expect(() => defineApp({ ...base, domains: { alpha: { one: bind('nope', 'changes/') } } })).toThrow(
      'Function one binds bucket nope, which the app definition does not declare',
    );
    expect(() =>
      defineApp({ ...base, domains: { alpha: { one: bind('lake', 'changes' as `${string}/`) } } }),
    ).toThrow(/must end in \//);
    const both: FunctionDefinition = {
      ...fn('functions/a/c.ts'),
      bindings: [
        { bucket: 'lake', access: 'read', prefix: 'changes/' },
        { bucket: 'lake', access: 'write', prefix: 'curated/' },
      ],
    };
    expect(defineApp({ ...base, domains: { alpha: { both } } }).functions.both.bindings).toHaveLength(2);
  });

  it('refuses a function that binds the table twice, and a second $default function', () => {
    const twice: FunctionDefinition = {
      ...fn('functions/a/t.ts'),
      bindings: [{ table: 'read' }, { table: 'read-write' }],
    };
    expect(() => defineApp({ ...base, domains: { alpha: { twice } } })).toThrow(
      'Function twice binds table twice',
    );
    const catchAll: FunctionDefinition = {
      ...fn('functions/a/c.ts'),
      triggers: [{ kind: 'http', catchAll: true }],
    };
    expect(() => defineApp({ ...base, domains: { alpha: { one: catchAll, two: catchAll } } })).toThrow(
      'Only one function may serve $default, not one and two',
    );
  });

  it('refuses a third reader of the table stream', () => {
    const reader = (entry: `functions/${string}.ts`): FunctionDefinition => ({
      ...fn(entry),
      triggers: [
        {
          kind: 'stream',
          batchSize: 10,
          maximumBatchingWindowSeconds: 1,
          localBatchingWindowSeconds: 1,
          bisectBatchOnError: true,
          retryAttempts: 1,
          maxRecordAgeSeconds: 60,
        },
      ],
    });
    const two = { one: reader('functions/a/one.ts'), two: reader('functions/a/two.ts') };
    expect(() => defineApp({ ...base, domains: { alpha: two } })).not.toThrow();
    expect(() =>
      defineApp({ ...base, domains: { alpha: two, beta: { three: reader('functions/b/three.ts') } } }),
    ).toThrow('At most 2 functions may read the table stream, not one, two, three');
  });

  it('selects triggers by kind, typed, with their functions', () => {
    const schedules = functionsWithTrigger('schedule');
    expect(schedules.map(({ functionName, trigger }) => [functionName, trigger.expression])).toEqual([
      ['expireUnpaidOrders', 'rate(5 minutes)'],
      ['sweepReplenishments', 'cron(0 19 * * ? *)'],
      ['writeReportFiles', 'cron(30 1 * * ? *)'],
      ['compactChanges', 'cron(30 1 * * ? *)'],
    ]);
    expect(functionsWithTrigger('http').length).toBe(httpRoutes().length + 1);
  });

  it('puts every function of the real app definition in exactly one domain', () => {
    const inDomains = Object.values(appDefinition.domains).flatMap((functions) => Object.keys(functions));
    expect(inDomains.sort()).toEqual(
      functionEntries()
        .map(([name]) => name)
        .sort(),
    );
  });
});

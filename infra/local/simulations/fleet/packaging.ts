import type { AppDefinition, FunctionDefinition } from '../../../app-definition-types.js';
import { appendPrefixOf, bucketBindingsOf, readsTable, tableAccessOf } from '../../../bindings.js';
import type { DeployUnit } from './execution-environments.js';

/** Lambda's default memory in this app (infra/constructs/app-function.ts). */
export const DEFAULT_MEMORY_MB = 512;

/**
 * `per-grant-set`: the middle way weighed against the two the issue names — one function per
 * domain and set of grants (a domain's readers in one, its writers in another), so that no
 * handler carries a grant it does not need.
 */
export type Packaging = 'per-route' | 'per-domain' | 'per-grant-set';

export const PACKAGINGS: readonly Packaging[] = ['per-route', 'per-domain', 'per-grant-set'];

/**
 * Cold INIT of one environment, ms. Assumption: a per-route function's INIT is `routeInitMs`
 * (bundles at the bare handler's size: docs/performance.md, "Bundles and cold starts"); a per-domain bundle carries every handler of
 * its domain on the same SDK and shared library, so only the handlers' own code is added:
 * `perExtraHandler` of the INIT per further handler.
 */
export interface InitModel {
  routeInitMs: number;
  perExtraHandler: number;
}

export const DEFAULT_INIT: InitModel = { routeInitMs: 300, perExtraHandler: 0.01 };

/** The domain of each function, as infra/functions/<domain>-functions.ts groups them. */
export const domainOf = (app: AppDefinition): Map<string, string> => {
  const map = new Map<string, string>();
  for (const [domain, fns] of Object.entries(app.domains))
    for (const name of Object.keys(fns)) map.set(name, domain);
  return map;
};

/** The deploy unit that serves each function under a packaging. */
export const deployUnits = (
  app: AppDefinition,
  packaging: Packaging,
  init: InitModel = DEFAULT_INIT,
): Map<string, DeployUnit> => {
  const units = new Map<string, DeployUnit>();
  if (packaging === 'per-route') {
    for (const [name, fn] of Object.entries(app.functions))
      units.set(name, { name, initMs: init.routeInitMs, memoryMb: fn.memorySize ?? DEFAULT_MEMORY_MB });
    return units;
  }
  for (const [name, members] of groups(app, packaging)) {
    const unit: DeployUnit = {
      name,
      initMs: init.routeInitMs * (1 + init.perExtraHandler * (members.length - 1)),
      // One function has one memory setting: the largest its members need.
      memoryMb: Math.max(...members.map(([, fn]) => fn.memorySize ?? DEFAULT_MEMORY_MB)),
    };
    for (const [member] of members) units.set(member, unit);
  }
  return units;
};

/** The functions each deploy unit would serve, by unit name. */
export const groups = (
  app: AppDefinition,
  packaging: Packaging,
): Map<string, [string, FunctionDefinition][]> => {
  const out = new Map<string, [string, FunctionDefinition][]>();
  for (const [domain, fns] of Object.entries(app.domains))
    for (const [name, fn] of Object.entries(fns)) {
      const unit =
        packaging === 'per-route'
          ? name
          : packaging === 'per-domain'
            ? domain
            : `${domain} [${[...grantsOf(fn)].sort().join(', ')}]`;
      out.set(unit, [...(out.get(unit) ?? []), [name, fn]]);
    }
  return out;
};

/**
 * The IAM grants a function's role carries, one string per permission and resource, derived
 * from its bindings and triggers exactly as infra/constructs/app-function.ts grants them
 * (the log group is every function's own and left out).
 */
export const grantsOf = (fn: FunctionDefinition): Set<string> => {
  const grants = new Set<string>();
  const table = tableAccessOf(fn);
  if (table === 'read' || table === 'read-write') grants.add('dynamodb:read table');
  if (table === 'read-write') grants.add('dynamodb:write table');
  if (table === 'append') grants.add(`dynamodb:PutItem ${appendPrefixOf(fn)}*`);
  if (readsTable(fn)) grants.add('secretsmanager:GetSecretValue cursor secret');
  for (const binding of fn.bindings) {
    if ('eventBus' in binding) grants.add('events:PutEvents app bus');
    if ('topic' in binding) grants.add(`sns:Publish ${binding.topic}`);
    if ('deadLetterQueue' in binding) grants.add('sqs:SendMessage dead-letter queue');
    if ('userPool' in binding) grants.add('cognito-idp:Admin* user pool');
  }
  for (const binding of bucketBindingsOf(fn)) {
    if (binding.access !== 'write') grants.add(`s3:GetObject ${binding.bucket}/${binding.prefix}*`);
    if (binding.access !== 'read') grants.add(`s3:PutObject ${binding.bucket}/${binding.prefix}*`);
  }
  if (fn.triggers.some((trigger) => trigger.kind === 'stream')) grants.add('dynamodb:read table stream');
  return grants;
};

export interface PrivilegeReport {
  packaging: Packaging;
  functions: number;
  /** Functions whose code runs with at least one grant it does not need. */
  overPrivileged: number;
  /** (function, grant it does not need) pairs. */
  excessGrants: number;
  /** Read-only functions that could write the table. */
  readersThatCouldWrite: number;
  /** Per deploy unit that lets a handler carry more than it needs: the union, and who. */
  units: { unit: string; grants: string[]; overPrivileged: string[] }[];
}

/**
 * The least-privilege cost of a packaging: every handler of a deploy unit runs with the union
 * of the unit's grants, so a handler carries each grant of the union it does not need itself.
 */
export const privilegeReport = (app: AppDefinition, packaging: Packaging): PrivilegeReport => {
  const report: PrivilegeReport = {
    packaging,
    functions: Object.keys(app.functions).length,
    overPrivileged: 0,
    excessGrants: 0,
    readersThatCouldWrite: 0,
    units: [],
  };
  for (const [unit, members] of groups(app, packaging)) {
    const union = new Set(members.flatMap(([, fn]) => [...grantsOf(fn)]));
    const overPrivileged: string[] = [];
    for (const [name, fn] of members) {
      const own = grantsOf(fn);
      const excess = [...union].filter((grant) => !own.has(grant));
      if (excess.length === 0) continue;
      overPrivileged.push(name);
      report.overPrivileged += 1;
      report.excessGrants += excess.length;
      if (!own.has('dynamodb:write table') && union.has('dynamodb:write table'))
        report.readersThatCouldWrite += 1;
    }
    if (overPrivileged.length > 0) report.units.push({ unit, grants: [...union].sort(), overPrivileged });
  }
  return report;
};

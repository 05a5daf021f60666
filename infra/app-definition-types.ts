import type { RouteContract } from '../lib/http/route.js';

/** How a function may use the table; CDK turns it into the matching least-privilege grant. */
export type TableAccess = 'none' | 'read' | 'read-write';

/**
 * A schedule (EventBridge rule in AWS, a timer in the local runtime). `rate(...)` or
 * `cron(...)` in EventBridge syntax; `localEveryMinutes` is how often the local runtime runs it.
 */
export interface ScheduleTrigger {
  expression: `rate(${string})` | `cron(${string})`;
  description: string;
  localEveryMinutes: number;
  /**
   * Fields of the job's summary (published as metrics by lib/runtime/scheduled-handler.ts)
   * that page operators when a run reports more than zero, e.g. `['failed']`.
   */
  alarmWhenNonZero?: readonly string[];
}

export interface FunctionDefinition {
  /** Lambda entry point, relative to the repository root. */
  entry: `functions/${string}.ts`;
  description: string;
  tableAccess: TableAccess;
  /** HTTP routes this function serves (behind the JWT authorizer unless the route is public). */
  routes?: readonly RouteContract[];
  /** Serves API Gateway's `$default` route: every request no other route matched. */
  catchAll?: true;
  /** Runs on a schedule, with retries and a dead-letter queue. */
  schedule?: ScheduleTrigger;
  memorySize?: number;
  timeoutSeconds?: number;
  /** Extra environment; TABLE_NAME and the Powertools settings are added for every function. */
  environment?: Readonly<Record<string, string>>;
}

export interface CorsSettings {
  allowOrigins: readonly string[];
  allowHeaders: readonly string[];
  exposeHeaders: readonly string[];
  maxAgeSeconds: number;
}

/** One domain's functions, by name (infra/functions/<domain>-functions.ts). */
export type DomainFunctions = Readonly<Record<string, FunctionDefinition>>;

export interface AppDefinition {
  service: string;
  cors: CorsSettings;
  /**
   * Functions grouped by domain. Each domain deploys as its own nested stack, so no stack nears
   * CloudFormation's 500-resource limit however many functions the app grows.
   */
  domains: Readonly<Record<string, DomainFunctions>>;
  /** Every function by name, across domains (derived from `domains` by defineApp). */
  functions: Readonly<Record<string, FunctionDefinition>>;
}

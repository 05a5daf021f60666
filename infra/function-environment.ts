import { AUDIT_RETENTION_DAYS_ENV } from '../lib/audit/audit-retention.js';
import { CURSOR_SECRET_ID_ENV } from '../lib/db/cursor-secret.js';
import { USER_POOL_ID_ENV } from '../lib/users/user-directory.js';
import type { AppDefinition, FunctionDefinition } from './app-definition-types.js';
import {
  appendPrefixOf,
  bucketsUsedBy,
  managesUserPool,
  putsEvents,
  readsTable,
  sendsToDeadLetterQueue,
  tableAccessOf,
  topicsPublishedBy,
} from './bindings.js';

/** Variables of the bindings that are the same for every function (the per-topic ones come from the topics). */
export const EVENT_BUS_NAME_ENV = 'EVENT_BUS_NAME';
export const DEAD_LETTER_QUEUE_URL_ENV = 'DEAD_LETTER_QUEUE_URL';

/**
 * Functions that may sign or read pagination cursors: every function that Queries the table,
 * whether for a listing or an internal loop (expiry, live promotions) that pages through one.
 * Only these may read the cursor secret; it grants nothing beyond the table they already read.
 */
export const signsCursors = (fn: FunctionDefinition): boolean => readsTable(fn);

/** Where the bound resources are: CDK tokens in AWS, local names locally. */
export interface BoundResources {
  tableName: string;
  eventBusName?: string;
  /** By topic name of the app definition. */
  topicArns?: Readonly<Record<string, string>>;
  /** By bucket name of the app definition: the bucket's name (AWS) or the local bucket's. */
  bucketNames?: Readonly<Record<string, string>>;
  /** The function's own dead-letter queue (AWS; locally the stream runner parks records itself). */
  deadLetterQueueUrl?: string;
  /** The stage's audit retention, for functions with an `append` table binding (the audit writer). */
  auditRetentionDays?: number;
  /** The stage's user pool (AWS; locally user administration uses the local directory). */
  userPoolId?: string;
}

/**
 * The environment every function runs with, computed once for AWS (CDK) and for the local
 * runtime, so the two cannot drift. Each binding adds its variable (the grant is CDK's, in
 * infra/constructs/app-function.ts); `cursorSecretId` (AWS only) names the Secrets Manager
 * secret that signs cursors, which the local runtime replaces by CURSOR_SECRET for the whole
 * process. A binding whose resource is not given (locally) adds nothing.
 */
export const functionEnvironment = (
  app: AppDefinition,
  fn: FunctionDefinition,
  settings: BoundResources & { stage: string; logLevel?: string; cursorSecretId?: string },
): Record<string, string> => {
  const topics: Record<string, string> = {};
  for (const topic of topicsPublishedBy(fn)) {
    const definition = app.topics[topic];
    if (!definition) throw new Error(`Topic ${topic} is not declared by the app definition`);
    const arn = settings.topicArns?.[topic];
    if (arn) topics[definition.environmentVariable] = arn;
  }
  const buckets: Record<string, string> = {};
  for (const bucket of bucketsUsedBy(fn)) {
    const definition = app.buckets[bucket];
    if (!definition) throw new Error(`Bucket ${bucket} is not declared by the app definition`);
    const name = settings.bucketNames?.[bucket];
    if (name) buckets[definition.environmentVariable] = name;
  }
  return {
    POWERTOOLS_SERVICE_NAME: app.service,
    POWERTOOLS_METRICS_NAMESPACE: app.service,
    POWERTOOLS_LOG_LEVEL: settings.logLevel ?? 'INFO',
    STAGE: settings.stage,
    ...(tableAccessOf(fn) === 'none' ? {} : { TABLE_NAME: settings.tableName }),
    ...(appendPrefixOf(fn) !== undefined && settings.auditRetentionDays !== undefined
      ? { [AUDIT_RETENTION_DAYS_ENV]: String(settings.auditRetentionDays) }
      : {}),
    ...(putsEvents(fn) && settings.eventBusName ? { [EVENT_BUS_NAME_ENV]: settings.eventBusName } : {}),
    ...topics,
    ...buckets,
    ...(sendsToDeadLetterQueue(fn) && settings.deadLetterQueueUrl
      ? { [DEAD_LETTER_QUEUE_URL_ENV]: settings.deadLetterQueueUrl }
      : {}),
    ...(managesUserPool(fn) && settings.userPoolId ? { [USER_POOL_ID_ENV]: settings.userPoolId } : {}),
    ...(settings.cursorSecretId && signsCursors(fn)
      ? { [CURSOR_SECRET_ID_ENV]: settings.cursorSecretId }
      : {}),
    ...fn.environment,
  };
};

import type { RouteContract } from '../lib/http/route.js';

/**
 * How a function may use the table; CDK turns it into the matching least-privilege grant.
 * `append`: PutItem only, on partitions under one key prefix (the audit writer).
 */
export type TableAccess = 'none' | 'read' | 'read-write' | 'append';

/** An EventBridge event pattern, as JSON (`detail-type`, not CDK's `detailType`). */
export type EventPattern = Readonly<Record<string, unknown>>;

/** Serves one route of the HTTP API (behind the JWT authorizer unless the route is public). */
export interface HttpRouteTrigger {
  kind: 'http';
  route: RouteContract;
}

/** Serves API Gateway's `$default` route: every request no other route matched. */
export interface HttpCatchAllTrigger {
  kind: 'http';
  catchAll: true;
}

export type HttpTrigger = HttpRouteTrigger | HttpCatchAllTrigger;

/**
 * A schedule (EventBridge rule in AWS, a timer in the local runtime). `rate(...)` or
 * `cron(...)` in EventBridge syntax; `localEveryMinutes` is how often the local runtime runs it.
 * Runs with retries and a dead-letter queue.
 */
export interface ScheduleTrigger {
  kind: 'schedule';
  expression: `rate(${string})` | `cron(${string})`;
  description: string;
  localEveryMinutes: number;
  /**
   * Fields of the job's summary (published as metrics by lib/runtime/scheduled-handler.ts)
   * that page operators when a run reports more than zero, e.g. `['failed']`.
   */
  alarmWhenNonZero?: readonly string[];
}

/**
 * Reads the table's stream (a DynamoDB event source mapping in AWS, the local stream reader
 * locally). The handler answers with partial batch failures (`batchItemFailures`).
 */
export interface StreamTrigger {
  kind: 'stream';
  /** Records per invocation (1–10,000). */
  batchSize: number;
  /** How long AWS gathers records before invoking (0–300 s). */
  maximumBatchingWindowSeconds: number;
  /** The same locally, usually shorter so a developer sees the effect at once. */
  localBatchingWindowSeconds: number;
  /** Split a failing batch in two and retry each half, isolating the bad record. */
  bisectBatchOnError: boolean;
  /** Retries of a failing batch before its records go to the on-failure destination (0–10,000). */
  retryAttempts: number;
  /** Records older than this are not retried but sent to the on-failure destination (60–604,800 s). */
  maxRecordAgeSeconds: number;
  /** Lambda event filtering: only records matching one of these patterns reach the function. */
  filterPatterns?: readonly EventPattern[];
  /** Concurrent batches per shard (1–10); order is then kept per partition key only. */
  parallelizationFactor?: number;
}

/** Runs on events of the app's bus that match `eventPattern` (an EventBridge rule). */
export interface EventTrigger {
  kind: 'event';
  description: string;
  eventPattern: EventPattern;
  /** Attempts after the first, by EventBridge (delivery) and by Lambda (function errors). */
  retryAttempts: number;
  /** Events older than this are given up on and dead-lettered (60–86,400 s). */
  maxEventAgeSeconds: number;
}

/**
 * Runs when an object is created under `prefix` in one of the app's buckets. In AWS the bucket
 * sends its events to EventBridge and a rule on the default bus invokes the function (retries
 * and dead-letter queue as for `event` triggers; no S3 notification configuration, which would
 * tie the data stack's bucket to a domain stack's function in a dependency cycle). Locally the
 * runtime turns s3rver's object-created notifications into the same event.
 */
export interface ObjectCreatedTrigger {
  kind: 'objectCreated';
  description: string;
  /** A bucket the app definition declares. */
  bucket: string;
  /** Key prefix, ending in `/` (e.g. `uploads/`). */
  prefix: `${string}/`;
  retryAttempts: number;
  maxEventAgeSeconds: number;
}

export type Trigger = HttpTrigger | ScheduleTrigger | StreamTrigger | EventTrigger | ObjectCreatedTrigger;
export type TriggerKind = Trigger['kind'];
export type TriggerOfKind<Kind extends TriggerKind> = Extract<Trigger, { kind: Kind }>;

/** The table, read or read and written: TABLE_NAME and the matching table grant. */
export interface TableReadBinding {
  table: 'read' | 'read-write';
}
/**
 * Appends items to the table and nothing else: TABLE_NAME and `dynamodb:PutItem` on the table
 * (no index, no read, update or delete) under the condition that every partition key starts
 * with `leadingKeyPrefix` (`dynamodb:LeadingKeys`). Append-only is the writer's part: its puts
 * carry `attribute_not_exists(pk)`. The function also gets the audit retention (AUDIT_RETENTION_DAYS).
 */
export interface TableAppendBinding {
  table: 'append';
  /** e.g. `AUDIT#`; ends in `#`, so no other entity's partition can share it. */
  leadingKeyPrefix: `${string}#`;
}
export type TableBinding = TableReadBinding | TableAppendBinding;
/** Puts events on the app's bus: EVENT_BUS_NAME and events:PutEvents on that bus only. */
export interface EventBusBinding {
  eventBus: 'put';
}
/** Publishes to a topic the app definition declares: its ARN variable and sns:Publish on it only. */
export interface TopicBinding {
  topic: string;
  access: 'publish';
}
/**
 * The function's own dead-letter queue, for what the handler itself parks there (e.g. a stream
 * record that can never be translated): DEAD_LETTER_QUEUE_URL and sqs:SendMessage on it only.
 */
export interface DeadLetterQueueBinding {
  deadLetterQueue: 'send';
}

/**
 * Reads and/or writes one key prefix of a bucket the app definition declares: the bucket's
 * name variable and an S3 grant on `<prefix>*` only. A function may bind several prefixes
 * (the compaction job reads `changes/` and writes `curated/`).
 */
export interface BucketBinding {
  bucket: string;
  access: 'read' | 'write' | 'read-write';
  /** Key prefix the grant is limited to, ending in `/` (e.g. `changes/`). */
  prefix: `${string}/`;
}

/**
 * Administers the stage's Cognito user pool: USER_POOL_ID and the admin actions user
 * administration needs (create, groups, attributes, enable/disable, global sign-out) on that
 * pool only.
 */
export interface UserPoolBinding {
  userPool: 'manage';
}

export type Binding =
  | TableBinding
  | EventBusBinding
  | TopicBinding
  | DeadLetterQueueBinding
  | BucketBinding
  | UserPoolBinding;

export interface FunctionDefinition {
  /** Lambda entry point, relative to the repository root. */
  entry: `functions/${string}.ts`;
  description: string;
  /** What invokes the function; none for one that is only invoked by hand. */
  triggers: readonly Trigger[];
  /** What the function may use; each gives its environment variable and least-privilege grant. */
  bindings: readonly Binding[];
  memorySize?: number;
  timeoutSeconds?: number;
  /** Extra environment; the Powertools settings and the bindings' variables are added for every function. */
  environment?: Readonly<Record<string, string>>;
}

/**
 * A message an EventBridge rule sends to a topic, in EventBridge's input-transformer shape:
 * `paths` names JSON paths of the event, `template` uses them as `<name>`.
 */
export interface TopicNotification {
  /** Construct id and local rule name. */
  name: string;
  description: string;
  eventPattern: EventPattern;
  message: { paths: Readonly<Record<string, `$.${string}`>>; template: string };
  retryAttempts: number;
  maxEventAgeSeconds: number;
}

/** An SNS topic of the app (encrypted, TLS only); functions publish to it through a binding. */
export interface TopicDefinition {
  displayName: string;
  /** The variable a `{ topic, access: 'publish' }` binding sets to the topic's ARN. */
  environmentVariable: string;
  /** `-c <emailContext>=someone@example.com` subscribes that address, as `alarmEmail` does. */
  emailContext: string;
  /** Rules on the app's bus that notify this topic, declared here once. */
  notifications: readonly TopicNotification[];
}

/** An S3 bucket of the app (encrypted, TLS only, public access blocked); functions use it through bindings. */
export interface BucketDefinition {
  description: string;
  /** The variable a `{ bucket }` binding sets to the bucket's name. */
  environmentVariable: string;
  /** Whether the bucket sends its events to EventBridge (needed by `objectCreated` triggers). */
  eventBridge?: boolean;
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
  /** Topics by name (the name `{ topic }` bindings use). */
  topics: Readonly<Record<string, TopicDefinition>>;
  /** Buckets by name (the name `{ bucket }` bindings use). */
  buckets: Readonly<Record<string, BucketDefinition>>;
  /** Every function by name, across domains (derived from `domains` by defineApp). */
  functions: Readonly<Record<string, FunctionDefinition>>;
}

import { Duration, Stack, Validations } from 'aws-cdk-lib';
import { type Alarm, Metric, Stats } from 'aws-cdk-lib/aws-cloudwatch';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus, Rule } from 'aws-cdk-lib/aws-events';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  Architecture,
  Function as LambdaFunction,
  LoggingFormat,
  ParamsAndSecretsLayerVersion,
  ParamsAndSecretsLogLevel,
  ParamsAndSecretsVersions,
  Runtime,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import { Construct } from 'constructs';
import type {
  AppDefinition,
  EventTrigger as EventTriggerDefinition,
  FunctionDefinition,
  ObjectCreatedTrigger as ObjectCreatedTriggerDefinition,
  ScheduleTrigger as ScheduleTriggerDefinition,
  StreamTrigger as StreamTriggerDefinition,
} from '../app-definition-types.js';
import {
  appendPrefixOf,
  bucketBindingsOf,
  bucketsUsedBy,
  managesUserPool,
  putsEvents,
  sendsToDeadLetterQueue,
  tableAccessOf,
  topicsPublishedBy,
} from '../bindings.js';
import { FUNCTION_NODE_OPTIONS } from '../bundling.js';
import { functionEnvironment, signsCursors } from '../function-environment.js';
import type { StageSettings } from '../stacks/stage-config.js';
import { ALARM_PERIOD, type AlarmTopic } from './alarm-topic.js';
import { bucketArnAsNagSees, grantBucketBinding } from './bucket-grants.js';
import { failureQueue } from './encrypted-queue.js';
import { EventTrigger } from './event-trigger.js';
import { FUNCTION_HANDLER, functionCode } from './function-code.js';
import { ObjectCreatedTrigger } from './object-created-trigger.js';
import { SCHEDULE_MAX_EVENT_AGE, SCHEDULE_RETRY_ATTEMPTS, ScheduleTrigger } from './schedule-trigger.js';
import { StreamTrigger } from './stream-trigger.js';

/** The newest Node.js runtime this aws-cdk-lib knows (cdk-nag AwsSolutions-L1 wants the latest). */
export const FUNCTION_RUNTIME = Runtime.NODEJS_24_X;

/** Lambda's own retries of an asynchronous invocation are capped at 2 and 6 hours. */
const LAMBDA_MAX_ASYNC_RETRIES = 2;
const LAMBDA_MAX_EVENT_AGE_SECONDS = 6 * 3600;

export interface AppFunctionProps {
  app: AppDefinition;
  definition: FunctionDefinition;
  table: ITable;
  settings: StageSettings;
  /** Where this function's alarms go (a message in its dead-letter queue). */
  alarms: AlarmTopic;
  /** Signs pagination cursors: granted, with the extension that reads it, to functions that page. */
  cursorSecret: ISecret;
  /** The app's bus: `event` triggers' rules, `{ eventBus: 'put' }` bindings. */
  eventBus: IEventBus;
  /** The app's topics by name, for `{ topic, access: 'publish' }` bindings. */
  topics: Readonly<Record<string, ITopic>>;
  /** The app's buckets by name (data stack), for `{ bucket, access, prefix }` bindings. */
  buckets?: Readonly<Record<string, IBucket>>;
  /** The stage's user pool (api stack), for `{ userPool: 'manage' }` bindings. */
  userPool?: IUserPool;
}

/** What user administration calls on the pool (lib/users/cognito-user-directory.ts), and nothing else. */
export const USER_POOL_ADMIN_ACTIONS = [
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminDeleteUser',
  'cognito-idp:AdminAddUserToGroup',
  'cognito-idp:AdminRemoveUserFromGroup',
  'cognito-idp:AdminListGroupsForUser',
  'cognito-idp:AdminUpdateUserAttributes',
  'cognito-idp:AdminDeleteUserAttributes',
  'cognito-idp:AdminEnableUser',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminUserGlobalSignOut',
] as const;

/**
 * One function of the app definition: the bundled Lambda, its own log group and role, the
 * environment and least-privilege grant of each binding, and its schedule, stream and event
 * triggers (one construct per kind; the http ones are the domain stack's routes). Functions
 * invoked asynchronously (schedule, event) retry and then park the event in their own
 * dead-letter queue. Nothing else in the stacks grants access.
 */
export class AppFunction extends Construct {
  readonly function: LambdaFunction;
  readonly logGroup: LogGroup;
  readonly role: Role;
  /** The first schedule trigger's rule. */
  readonly rule?: Rule;
  readonly scheduleTriggers: ScheduleTrigger[] = [];
  readonly streamTriggers: StreamTrigger[] = [];
  readonly eventTriggers: EventTrigger[] = [];
  readonly objectCreatedTriggers: ObjectCreatedTrigger[] = [];
  readonly deadLetterQueue?: Queue;
  /** Fires while the dead-letter queue holds a message: a run that failed for good. */
  readonly deadLetterAlarm?: Alarm;
  /** For a scheduled job, by summary field: fires when a run reports it above zero. */
  readonly summaryAlarms: Record<string, Alarm> = {};

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);
    const { app, definition, table, settings } = props;
    const schedules = definition.triggers.filter(
      (t): t is ScheduleTriggerDefinition => t.kind === 'schedule',
    );
    const streams = definition.triggers.filter((t): t is StreamTriggerDefinition => t.kind === 'stream');
    const events = definition.triggers.filter((t): t is EventTriggerDefinition => t.kind === 'event');
    const uploads = definition.triggers.filter(
      (t): t is ObjectCreatedTriggerDefinition => t.kind === 'objectCreated',
    );
    const tableAccess = tableAccessOf(definition);

    // Explicit log group: retention and removal are ours, not Lambda's never-expiring default.
    this.logGroup = new LogGroup(this, 'LogGroup', {
      retention: settings.logRetention,
      removalPolicy: settings.removalPolicy,
    });

    // Own role instead of AWSLambdaBasicExecutionRole: that managed policy may write to any
    // log group (and create them); this one writes only to the function's own log group.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `storefleet ${settings.stage} ${id}`,
    });
    this.logGroup.grantWrite(this.role);

    const asynchronous = schedules.length > 0 || events.length > 0 || uploads.length > 0;
    if (asynchronous || sendsToDeadLetterQueue(definition))
      this.deadLetterQueue = failureQueue(
        this,
        'DeadLetterQueue',
        settings.removalPolicy,
        // Only asynchronous invocations attach it as Lambda's own dead-letter queue.
        asynchronous
          ? undefined
          : `the records ${id}'s handler gives up on (e.g. untranslatable stream records)`,
      );
    const pages = signsCursors(definition);

    this.function = new LambdaFunction(this, 'Function', {
      // One definition of the bundle, shared with the bundle-size test and the benchmark.
      code: functionCode(definition.entry),
      handler: FUNCTION_HANDLER,
      description: definition.description,
      runtime: FUNCTION_RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: definition.memorySize ?? 512,
      timeout: Duration.seconds(definition.timeoutSeconds ?? 10),
      tracing: Tracing.ACTIVE,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: LoggingFormat.JSON,
      // Lambda drops JSON logs below this level, so it must match POWERTOOLS_LOG_LEVEL.
      applicationLogLevelV2: settings.logLevel,
      environment: {
        ...functionEnvironment(app, definition, {
          tableName: table.tableName,
          eventBusName: props.eventBus.eventBusName,
          topicArns: Object.fromEntries(
            topicsPublishedBy(definition).map((name) => [name, topicNamed(props.topics, name).topicArn]),
          ),
          bucketNames: Object.fromEntries(
            bucketsUsedBy(definition).map((name) => [name, bucketNamed(props.buckets, name).bucketName]),
          ),
          ...(this.deadLetterQueue ? { deadLetterQueueUrl: this.deadLetterQueue.queueUrl } : {}),
          ...(managesUserPool(definition) ? { userPoolId: userPoolOf(props).userPoolId } : {}),
          stage: settings.stage,
          logLevel: settings.logLevel,
          auditRetentionDays: settings.auditRetentionDays,
          cursorSecretId: props.cursorSecret.secretArn,
        }),
        ...(FUNCTION_NODE_OPTIONS ? { NODE_OPTIONS: FUNCTION_NODE_OPTIONS } : {}),
      },
      // AWS's Parameters and Secrets extension reads and caches the cursor secret (no SDK client
      // in the bundle); see lib/db/cursor-secret.ts.
      ...(pages && {
        paramsAndSecrets: ParamsAndSecretsLayerVersion.fromVersion(ParamsAndSecretsVersions.V1_0_103, {
          logLevel: ParamsAndSecretsLogLevel.WARN,
        }),
      }),
      // Only asynchronous (scheduled, event) invocations: a run that throws is retried by
      // Lambda, then parked in the dead-letter queue with the error in the message attributes.
      ...(asynchronous &&
        this.deadLetterQueue && {
          deadLetterQueue: this.deadLetterQueue,
          ...asyncRetries(schedules, [...events, ...uploads]),
        }),
    });

    switch (tableAccess) {
      case 'read':
        table.grantReadData(this.function);
        break;
      case 'read-write':
        table.grantReadWriteData(this.function);
        break;
      case 'append':
        this.function.addToRolePolicy(appendOnlyStatement(table, appendPrefixOf(definition) ?? ''));
        break;
      case 'none':
        break;
    }
    if (putsEvents(definition)) props.eventBus.grantPutEventsTo(this.function);
    for (const name of topicsPublishedBy(definition))
      topicNamed(props.topics, name).grantPublish(this.function);
    if (sendsToDeadLetterQueue(definition)) this.deadLetterQueue?.grantSendMessages(this.function);
    if (managesUserPool(definition)) userPoolOf(props).grant(this.function, ...USER_POOL_ADMIN_ACTIONS);
    for (const binding of bucketBindingsOf(definition)) {
      const bucket = bucketNamed(props.buckets, binding.bucket);
      grantBucketBinding(this.function, bucket, binding);
      Validations.of(this).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${bucketArnAsNagSees(this, bucket)}/${binding.prefix}*]`,
        reason: `The ${binding.bucket} binding: objects under ${binding.prefix} only, the narrowest grant for a key prefix.`,
      });
    }

    if (pages) props.cursorSecret.grantRead(this.function);

    const nth = (kind: string, index: number) => (index === 0 ? kind : `${kind}${index + 1}`);
    schedules.forEach((trigger, index) => {
      if (!this.deadLetterQueue) return;
      this.scheduleTriggers.push(
        new ScheduleTrigger(this, nth('Schedule', index), {
          trigger,
          function: this.function,
          deadLetterQueue: this.deadLetterQueue,
        }),
      );
    });
    this.rule = this.scheduleTriggers[0];
    events.forEach((trigger, index) => {
      if (!this.deadLetterQueue) return;
      this.eventTriggers.push(
        new EventTrigger(this, nth('EventRule', index), {
          trigger,
          eventBus: props.eventBus,
          function: this.function,
          deadLetterQueue: this.deadLetterQueue,
        }),
      );
    });
    uploads.forEach((trigger, index) => {
      if (!this.deadLetterQueue) return;
      this.objectCreatedTriggers.push(
        new ObjectCreatedTrigger(this, nth('ObjectCreated', index), {
          trigger,
          bucket: bucketNamed(props.buckets, trigger.bucket),
          function: this.function,
          deadLetterQueue: this.deadLetterQueue,
        }),
      );
    });
    streams.forEach((trigger, index) => {
      this.streamTriggers.push(
        new StreamTrigger(this, nth('Stream', index), {
          trigger,
          table,
          function: this.function,
          alarms: props.alarms,
          removalPolicy: settings.removalPolicy,
          functionName: id,
        }),
      );
    });
    if (this.deadLetterQueue) {
      this.deadLetterAlarm = props.alarms.alarmWhen(this, 'DeadLetterAlarm', {
        description: `${id}: a run failed after its retries and waits in the dead-letter queue. Read the message (its attributes carry the error), fix the cause, then redrive or delete it.`,
        metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
          period: ALARM_PERIOD,
          statistic: Stats.MAXIMUM,
        }),
        atLeast: 1,
      });
    }
    for (const field of new Set(schedules.flatMap((schedule) => schedule.alarmWhenNonZero ?? []))) {
      this.summaryAlarms[field] = props.alarms.alarmWhen(this, `SummaryAlarm-${field}`, {
        description: `${id}: a run reported ${field} > 0. Its "job finished" log line has the summary; the job's own logs say which items and why.`,
        // Published by lib/runtime/scheduled-handler.ts (Powertools adds the service dimension).
        metric: new Metric({
          namespace: app.service,
          metricName: field,
          dimensionsMap: { service: app.service, job: id },
          period: ALARM_PERIOD,
          statistic: Stats.SUM,
        }),
        atLeast: 1,
      });
    }

    Validations.of(this).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions.',
    });
    if (tableAccess === 'read' || tableAccess === 'read-write') {
      Validations.of(this).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${tableArnAsNagSees(this, table)}/index/*]`,
        reason: "CDK's table grant covers the indexes of this one table (index/*), which Query needs.",
      });
    }
  }
}

/**
 * An `append` binding's grant: PutItem alone, on the table alone (no index/*: nothing is read),
 * and only for items whose partition key starts with the prefix. `ForAllValues` over
 * `dynamodb:LeadingKeys` is AWS's documented form for restricting the partition keys a request
 * may touch; PutItem's request carries exactly one, the new item's.
 */
const appendOnlyStatement = (table: ITable, prefix: string): PolicyStatement => {
  if (!prefix.endsWith('#'))
    throw new Error(`An append binding needs a key prefix ending in #, not "${prefix}"`);
  return new PolicyStatement({
    actions: ['dynamodb:PutItem'],
    resources: [table.tableArn],
    conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${prefix}*`] } },
  });
};

/** Lambda's retries of an asynchronous invocation: the schedule's, or the event triggers' within Lambda's caps. */
const asyncRetries = (
  schedules: readonly ScheduleTriggerDefinition[],
  events: readonly Pick<EventTriggerDefinition, 'retryAttempts' | 'maxEventAgeSeconds'>[],
): { retryAttempts: number; maxEventAge: Duration } => {
  if (schedules.length > 0)
    return { retryAttempts: SCHEDULE_RETRY_ATTEMPTS, maxEventAge: SCHEDULE_MAX_EVENT_AGE };
  return {
    retryAttempts: Math.min(
      LAMBDA_MAX_ASYNC_RETRIES,
      Math.max(...events.map((event) => event.retryAttempts)),
    ),
    maxEventAge: Duration.seconds(
      Math.min(LAMBDA_MAX_EVENT_AGE_SECONDS, Math.max(...events.map((event) => event.maxEventAgeSeconds))),
    ),
  };
};

const bucketNamed = (buckets: Readonly<Record<string, IBucket>> | undefined, name: string): IBucket => {
  const bucket = buckets?.[name];
  if (!bucket) throw new Error(`No bucket ${name} was created for the app definition`);
  return bucket;
};

const userPoolOf = (props: AppFunctionProps): IUserPool => {
  if (!props.userPool) throw new Error("A { userPool } binding needs the stage's user pool");
  return props.userPool;
};

const topicNamed = (topics: Readonly<Record<string, ITopic>>, name: string): ITopic => {
  const topic = topics[name];
  if (!topic) throw new Error(`No topic ${name} was created for the app definition`);
  return topic;
};

/**
 * The table ARN as cdk-nag prints it in this (consuming) stack: the name of the export that
 * carries it. exportValue() is the call CDK itself makes for the cross-stack reference and is
 * idempotent, so this names exactly the export the grant resolves to.
 */
const tableArnAsNagSees = (scope: Construct, table: ITable): string => {
  const producer = Stack.of(table);
  if (producer === Stack.of(scope)) throw new Error('AppFunction expects the table from the data stack');
  // An existing (restored) table's ARN is built from its name: no export, the string itself.
  if (table.node.defaultChild === undefined)
    return flattenCfnReference(Stack.of(scope).resolve(table.tableArn));
  const imported = producer.resolve(producer.exportValue(table.tableArn)) as { 'Fn::ImportValue': string };
  return imported['Fn::ImportValue'];
};

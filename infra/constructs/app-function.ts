import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import { type Alarm, Metric, Stats } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  Architecture,
  LoggingFormat,
  ParamsAndSecretsLayerVersion,
  ParamsAndSecretsLogLevel,
  ParamsAndSecretsVersions,
  Runtime,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { AppDefinition, FunctionDefinition, ScheduleTrigger } from '../app-definition-types.js';
import { functionEnvironment, signsCursors } from '../function-environment.js';
import type { StageSettings } from '../stacks/stage-config.js';
import { ALARM_PERIOD, type AlarmTopic } from './alarm-topic.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The newest Node.js runtime this aws-cdk-lib knows (cdk-nag AwsSolutions-L1 wants the latest). */
export const FUNCTION_RUNTIME = Runtime.NODEJS_24_X;

/** Scheduled jobs: attempts after the first, by Lambda (job errors) and EventBridge (delivery). */
const SCHEDULE_RETRY_ATTEMPTS = 2;
const SCHEDULE_MAX_EVENT_AGE = Duration.hours(1);

export interface AppFunctionProps {
  app: AppDefinition;
  definition: FunctionDefinition;
  table: ITable;
  settings: StageSettings;
  /** Where this function's alarms go (a message in its dead-letter queue). */
  alarms: AlarmTopic;
  /** Signs pagination cursors: granted, with the extension that reads it, to functions that page. */
  cursorSecret: ISecret;
}

/**
 * One function of the app definition: the bundled Lambda, its own log group and role, the table
 * grant its `tableAccess` asks for and, for scheduled jobs, the rule and dead-letter queue.
 * Nothing else in the stacks grants table access.
 */
export class AppFunction extends Construct {
  readonly function: NodejsFunction;
  readonly logGroup: LogGroup;
  readonly role: Role;
  readonly rule?: Rule;
  readonly deadLetterQueue?: Queue;
  /** Fires while the dead-letter queue holds a message: a run that failed for good. */
  readonly deadLetterAlarm?: Alarm;
  /** For a scheduled job, by summary field: fires when a run reports it above zero. */
  readonly summaryAlarms: Record<string, Alarm> = {};

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);
    const { app, definition, table, settings } = props;

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

    if (definition.schedule) this.deadLetterQueue = this.createDeadLetterQueue(settings);
    const pages = signsCursors(definition);

    this.function = new NodejsFunction(this, 'Function', {
      entry: path.join(REPO_ROOT, definition.entry),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: path.join(REPO_ROOT, 'package-lock.json'),
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
          stage: settings.stage,
          logLevel: settings.logLevel,
          cursorSecretId: props.cursorSecret.secretArn,
        }),
        NODE_OPTIONS: '--enable-source-maps',
      },
      // AWS's Parameters and Secrets extension reads and caches the cursor secret (no SDK client
      // in the bundle); see lib/db/cursor-secret.ts.
      ...(pages && {
        paramsAndSecrets: ParamsAndSecretsLayerVersion.fromVersion(ParamsAndSecretsVersions.V1_0_103, {
          logLevel: ParamsAndSecretsLogLevel.WARN,
        }),
      }),
      // Only asynchronous (scheduled) invocations: a job that throws is retried by Lambda, then
      // parked in the dead-letter queue with the error in the message attributes.
      ...(this.deadLetterQueue && {
        deadLetterQueue: this.deadLetterQueue,
        retryAttempts: SCHEDULE_RETRY_ATTEMPTS,
        maxEventAge: SCHEDULE_MAX_EVENT_AGE,
      }),
      bundling: {
        forceDockerBundling: false,
        minify: true,
        sourceMap: true,
        // Stack traces need only the mappings; embedded sources would double the asset.
        sourcesContent: false,
        format: OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        // Some CommonJS dependencies call require(), which ES modules lack.
        banner: "import { createRequire } from 'module';const require = createRequire(import.meta.url);",
        // Bundle SDK v3 too: tree-shaken to the clients we use, pinned by our lock file instead of
        // whatever SDK version the runtime ships, and no import-time cost for unused modules.
        externalModules: [],
      },
    });

    switch (definition.tableAccess) {
      case 'read':
        table.grantReadData(this.function);
        break;
      case 'read-write':
        table.grantReadWriteData(this.function);
        break;
      case 'none':
        break;
    }

    if (pages) props.cursorSecret.grantRead(this.function);

    if (definition.schedule && this.deadLetterQueue) {
      this.rule = this.createSchedule(definition.schedule, this.deadLetterQueue);
    }
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
    for (const field of definition.schedule?.alarmWhenNonZero ?? []) {
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
    if (definition.tableAccess !== 'none') {
      Validations.of(this).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${tableArnAsNagSees(this, table)}/index/*]`,
        reason: "CDK's table grant covers the indexes of this one table (index/*), which Query needs.",
      });
    }
  }

  private createDeadLetterQueue(settings: StageSettings): Queue {
    return new Queue(this, 'DeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: settings.removalPolicy,
    });
  }

  private createSchedule(schedule: ScheduleTrigger, deadLetterQueue: Queue): Rule {
    return new Rule(this, 'Schedule', {
      description: schedule.description,
      schedule: Schedule.expression(schedule.expression),
      // Events EventBridge cannot deliver (throttling, missing permission) land in the same queue.
      targets: [
        new LambdaFunction(this.function, {
          deadLetterQueue,
          retryAttempts: SCHEDULE_RETRY_ATTEMPTS,
          maxEventAge: SCHEDULE_MAX_EVENT_AGE,
        }),
      ],
    });
  }
}

/**
 * The table ARN as cdk-nag prints it in this (consuming) stack: the name of the export that
 * carries it. exportValue() is the call CDK itself makes for the cross-stack reference and is
 * idempotent, so this names exactly the export the grant resolves to.
 */
const tableArnAsNagSees = (scope: Construct, table: ITable): string => {
  const producer = Stack.of(table);
  if (producer === Stack.of(scope)) throw new Error('AppFunction expects the table from the data stack');
  const imported = producer.resolve(producer.exportValue(table.tableArn)) as { 'Fn::ImportValue': string };
  return imported['Fn::ImportValue'];
};

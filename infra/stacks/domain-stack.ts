import { NestedStack, type NestedStackProps } from 'aws-cdk-lib';
import type { IHttpApi, IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import type { AppDefinition, DomainFunctions, HttpTrigger } from '../app-definition-types.js';
import type { AlarmTopic } from '../constructs/alarm-topic.js';
import { AppFunction } from '../constructs/app-function.js';
import { addHttpTriggers } from '../constructs/http-trigger.js';
import type { StageSettings } from './stage-config.js';

export interface DomainStackProps extends NestedStackProps {
  app: AppDefinition;
  domain: string;
  functions: DomainFunctions;
  settings: StageSettings;
  table: ITable;
  /** The app's bus (data stack): `event` triggers' rules and `{ eventBus }` bindings. */
  eventBus: IEventBus;
  /** The app's topics by name (parent stack), for `{ topic }` bindings. */
  topics: Readonly<Record<string, ITopic>>;
  /** The app's buckets by name (data stack), for `{ bucket }` bindings. */
  buckets: Readonly<Record<string, IBucket>>;
  api: IHttpApi;
  /** The JWT authorizer every non-public route uses; it lives in the parent stack. */
  authorizer: IHttpRouteAuthorizer;
  /** The stage's alarm topic; it lives in the parent stack. */
  alarms: AlarmTopic;
  /** Signs pagination cursors; it lives in the parent stack. */
  cursorSecret: ISecret;
  /** The stage's user pool (parent stack), for `{ userPool: 'manage' }` bindings. */
  userPool: IUserPool;
}

/**
 * One domain of the app definition as a nested stack: its functions (AppFunction: Lambda, role,
 * bindings, log group, schedule, stream and event triggers) and the HTTP routes they serve.
 * About seven resources a function, so one domain per nested stack keeps every template far
 * below CloudFormation's 500 resources; the parent deploys and rolls back all domains together.
 */
export class DomainStack extends NestedStack {
  /** By function name in the app definition. */
  readonly functions: Record<string, AppFunction>;

  constructor(scope: Construct, id: string, props: DomainStackProps) {
    super(scope, id, props);
    const { app, functions, settings, table, alarms, cursorSecret, eventBus, topics, buckets } = props;
    this.functions = {};
    for (const [name, definition] of Object.entries(functions)) {
      const appFunction = new AppFunction(this, name, {
        app,
        definition,
        table,
        settings,
        alarms,
        cursorSecret,
        eventBus,
        topics,
        buckets,
        userPool: props.userPool,
      });
      this.functions[name] = appFunction;
      addHttpTriggers(this, {
        functionName: name,
        function: appFunction.function,
        triggers: definition.triggers.filter((trigger): trigger is HttpTrigger => trigger.kind === 'http'),
        api: props.api,
        authorizer: props.authorizer,
      });
    }
  }
}

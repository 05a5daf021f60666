import {
  Aws,
  CfnOutput,
  CrossStackReferences,
  Duration,
  ReferenceStrength,
  Stack,
  type StackProps,
  Validations,
} from 'aws-cdk-lib';
import { AccessLogField, AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpAuthorizer,
  HttpAuthorizerType,
  type HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { type Alarm, Stats } from 'aws-cdk-lib/aws-cloudwatch';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StringAttribute,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { STORES_CLAIM } from '../../lib/auth/principal.js';
import { ROLE_PRECEDENCE, ROLES } from '../../lib/auth/roles.js';
import { appDefinition, catchAllFunction, httpRoutes } from '../app-definition.js';
import type { AppDefinition } from '../app-definition-types.js';
import { ALARM_PERIOD, AlarmTopic } from '../constructs/alarm-topic.js';
import type { AppFunction } from '../constructs/app-function.js';
import { AppTopic } from '../constructs/app-topic.js';
import { DashboardSite } from '../constructs/dashboard-site.js';
import { DomainStack } from './domain-stack.js';
import type { StageSettings } from './stage-config.js';

export interface ApiStackProps extends StackProps {
  settings: StageSettings;
  table: ITable;
  /** The app's bus (data stack). */
  eventBus: IEventBus;
  /** The app definition's buckets by name (data stack), for `{ bucket }` bindings. */
  buckets: Readonly<Record<string, IBucket>>;
  /** Defaults to THE app definition; tests pass variants (e.g. with a scheduled job). */
  definition?: AppDefinition;
  /** Email subscribed to the stage's alarm topic (`-c alarmEmail=...`). */
  alarmEmail?: string;
  /** Emails subscribed to the app's topics, by topic name (`-c stockAlertEmail=...`). */
  topicEmails?: Readonly<Record<string, string>>;
  /** The built finance dashboard (dashboard/dist); with it the stack hosts the page (DashboardSite). */
  dashboardAssetsPath?: string;
}

/** A few 5xx in five minutes page someone; one could be a client hanging up mid-request. */
const SERVER_ERRORS_PER_PERIOD = 3;

/** `custom:stores` in tokens is the user pool attribute `stores`. */
const STORES_ATTRIBUTE = STORES_CLAIM.replace(/^custom:/, '');

/**
 * Identity and the HTTP API, with one nested stack per domain of the app definition holding
 * that domain's functions and routes (infra/stacks/domain-stack.ts). Routes, authorizer
 * attachment, schedules and table grants all come from the app definition; nothing here
 * lists them.
 */
export class ApiStack extends Stack {
  readonly userPool: UserPool;
  readonly userPoolClient: UserPoolClient;
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly authorizer: HttpAuthorizer;
  /** Every alarm of the stage notifies this topic. */
  readonly alarms: AlarmTopic;
  /** Fires when the API answers with 5xx: a fault of ours, never the client's. */
  readonly serverErrorAlarm: Alarm;
  /** By domain name in the app definition. */
  readonly domains: Record<string, DomainStack>;
  /** By function name in the app definition, across domains. */
  readonly functions: Record<string, AppFunction>;
  /** The app definition's topics by name (e.g. stockAlerts), with their notification rules. */
  readonly topics: Record<string, AppTopic>;
  /** Signs pagination cursors; readable only by the functions that page (signsCursors). */
  readonly cursorSecret: Secret;
  /** The finance dashboard's static site, when the stack was given its built assets. */
  readonly dashboard?: DashboardSite;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { settings, table } = props;
    const definition: AppDefinition = props.definition ?? appDefinition;
    // Strong (Fn::ImportValue): CloudFormation refuses to delete the data stack while this
    // stack uses the table. Removing the table later needs the weak/both migration.
    CrossStackReferences.of(this).consume(ReferenceStrength.STRONG);

    this.userPool = this.createUserPool(settings);
    this.userPoolClient = this.userPool.addClient('AppClient', {
      generateSecret: false,
      // SRP only (CDK adds ALLOW_REFRESH_TOKEN_AUTH): passwords never leave the client.
      // SRP for apps; user-password for the finance dashboard's sign-in form (over TLS, to Cognito
      // only), which would otherwise need an SRP library in the page.
      authFlows: { userSrp: true, userPassword: true },
      // No hosted UI / OAuth flows (CDK would otherwise enable implicit + code grants).
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      // Users must not edit `custom:stores` (their own store scope) or their sign-in email.
      writeAttributes: new ClientAttributes().withStandardAttributes({ givenName: true, familyName: true }),
    });

    const methods = [...new Set(httpRoutes(definition).map(({ route }) => route.method))];
    const { cors } = definition;
    this.api = new HttpApi(this, 'HttpApi', {
      apiName: this.stackName,
      description: `storefleet ${settings.stage} API`,
      // The default stage is added below, with access logging and throttling.
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [...cors.allowOrigins],
        allowHeaders: [...cors.allowHeaders],
        exposeHeaders: [...cors.exposeHeaders],
        allowMethods: [...methods.map((method) => CorsHttpMethod[method]), CorsHttpMethod.OPTIONS],
        maxAge: Duration.seconds(cors.maxAgeSeconds),
      },
    });
    this.stage = this.createDefaultStage(settings);

    this.alarms = new AlarmTopic(this, 'Alarms', {
      ...(props.alarmEmail ? { email: props.alarmEmail } : {}),
      removalPolicy: settings.removalPolicy,
    });
    this.serverErrorAlarm = this.alarms.alarmWhen(this, 'ServerErrorAlarm', {
      description:
        'The HTTP API answered 5xx: a bug, a timeout or a throttled dependency, never a bad request. Search the functions’ logs for the requestId in the access log.',
      metric: this.api.metricServerError({ period: ALARM_PERIOD, statistic: Stats.SUM }),
      atLeast: SERVER_ERRORS_PER_PERIOD,
    });

    // The API takes the ID token: its `aud` is the app client id and it carries the groups and
    // stores claims that lib/auth/principal.ts reads. Declared here, once, and attached by id to
    // the routes in the domain stacks.
    this.authorizer = new HttpAuthorizer(this, 'JwtAuthorizer', {
      httpApi: this.api,
      type: HttpAuthorizerType.JWT,
      identitySource: ['$request.header.Authorization'],
      jwtIssuer: `https://cognito-idp.${Aws.REGION}.${Aws.URL_SUFFIX}/${this.userPool.userPoolId}`,
      jwtAudience: [this.userPoolClient.userPoolClientId],
    });
    const routeAuthorizer = HttpAuthorizer.fromHttpAuthorizerAttributes(this, 'RouteAuthorizer', {
      authorizerId: this.authorizer.authorizerId,
      authorizerType: HttpAuthorizerType.JWT,
    });

    this.cursorSecret = this.createCursorSecret(settings);
    this.topics = Object.fromEntries(
      Object.entries(definition.topics).map(([name, topic]) => {
        const email = props.topicEmails?.[name];
        return [
          name,
          new AppTopic(this, `Topic-${name}`, {
            definition: topic,
            eventBus: props.eventBus,
            alarms: this.alarms,
            removalPolicy: settings.removalPolicy,
            ...(email ? { email } : {}),
          }),
        ];
      }),
    );
    const topics = Object.fromEntries(
      Object.entries(this.topics).map(([name, topic]) => [name, topic.topic]),
    );

    catchAllFunction(definition); // throws when no function serves API Gateway's $default
    this.domains = Object.fromEntries(
      Object.entries(definition.domains).map(([domain, functions]) => [
        domain,
        new DomainStack(this, `Domain-${domain}`, {
          app: definition,
          domain,
          functions,
          settings,
          table,
          eventBus: props.eventBus,
          topics,
          buckets: props.buckets,
          api: this.api,
          authorizer: routeAuthorizer,
          alarms: this.alarms,
          cursorSecret: this.cursorSecret,
          userPool: this.userPool,
          description: `storefleet ${settings.stage}: ${domain} functions and routes`,
        }),
      ]),
    );
    this.functions = Object.assign({}, ...Object.values(this.domains).map((stack) => stack.functions));

    new CfnOutput(this, 'ApiUrl', { value: this.stage.url, description: 'HTTP API base URL' });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'CursorSecretArn', {
      value: this.cursorSecret.secretArn,
      description: 'The secret that signs pagination cursors; rotate by putting a new random value (README)',
    });
    for (const [name, topic] of Object.entries(this.topics)) {
      new CfnOutput(this, `${name}TopicArn`, {
        value: topic.topic.topicArn,
        description: `${definition.topics[name]?.displayName}: subscribe with -c ${definition.topics[name]?.emailContext}=`,
      });
    }
    if (props.dashboardAssetsPath) {
      // Here, beside the API URL and the user pool that its config.json names.
      this.dashboard = new DashboardSite(this, 'Dashboard', {
        assetsPath: props.dashboardAssetsPath,
        apiUrl: this.stage.url,
        userPoolId: this.userPool.userPoolId,
        userPoolClientId: this.userPoolClient.userPoolClientId,
        region: this.region,
        removalPolicy: settings.removalPolicy,
      });
      new CfnOutput(this, 'DashboardUrl', {
        value: this.dashboard.url,
        description:
          'Finance dashboard (README, "Finance"); add it to -c allowedOrigins when CORS is restricted',
      });
    }
    new CfnOutput(this, 'AlarmTopicArn', {
      value: this.alarms.topic.topicArn,
      description: 'Subscribe operators (email, chat, paging) to receive every alarm of this stage',
    });
  }

  /**
   * The HMAC key of pagination cursors (lib/db/cursor.ts), generated by CloudFormation: it is in
   * no code, template or environment variable; functions read it through the Parameters and
   * Secrets extension. Rotate by putting a new value (README, "Deploying"): the previous one
   * stays accepted, so cursors being followed survive.
   */
  private createCursorSecret(settings: StageSettings): Secret {
    const secret = new Secret(this, 'CursorSecret', {
      description: `storefleet ${settings.stage}: signs pagination cursors`,
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      removalPolicy: settings.removalPolicy,
    });
    Validations.of(secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotated by putting a new random value (README); no rotation function is needed, since the previous value stays accepted for one rotation.',
    });
    return secret;
  }

  private createUserPool(settings: StageSettings): UserPool {
    const userPool = new UserPool(this, 'UserPool', {
      // Admins create users (README: admin-create-user); nobody signs themselves up.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: { [STORES_ATTRIBUTE]: new StringAttribute({ mutable: true, maxLen: 2048 }) },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      deletionProtection: settings.retain,
      removalPolicy: settings.removalPolicy,
    });
    Validations.of(userPool).acknowledge(
      {
        id: 'AwsSolutions-COG2',
        reason:
          'TOTP MFA is offered but optional: users are admin-provisioned, and requiring MFA for every role is an open product decision.',
      },
      {
        id: 'AwsSolutions-COG8',
        reason: 'Essentials tier: threat protection (Plus tier) is priced per MAU and not yet justified.',
      },
    );

    // Groups are the roles (cognito:groups claim); names are scoped to this pool, and precedence
    // mirrors ROLE_PRECEDENCE so the token lists the most powerful group first.
    for (const role of ROLES) {
      new CfnUserPoolGroup(this, `Group-${role}`, {
        userPoolId: userPool.userPoolId,
        groupName: role,
        description: `storefleet role ${role}`,
        precedence: ROLE_PRECEDENCE.indexOf(role),
      });
    }
    return userPool;
  }

  private createDefaultStage(settings: StageSettings): HttpStage {
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: settings.logRetention,
      removalPolicy: settings.removalPolicy,
    });
    return this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: settings.throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: AccessLogField.contextRequestId(),
            ip: AccessLogField.contextIdentitySourceIp(),
            userAgent: AccessLogField.contextIdentityUserAgent(),
            requestTime: AccessLogField.contextRequestTime(),
            httpMethod: AccessLogField.contextHttpMethod(),
            path: AccessLogField.contextPath(),
            routeKey: AccessLogField.contextRouteKey(),
            status: AccessLogField.contextStatus(),
            protocol: AccessLogField.contextProtocol(),
            responseLength: AccessLogField.contextResponseLength(),
            responseLatency: AccessLogField.contextResponseLatency(),
            integrationLatency: AccessLogField.contextIntegrationLatency(),
            integrationError: AccessLogField.contextIntegrationErrorMessage(),
            authorizerError: AccessLogField.contextAuthorizerError(),
            user: AccessLogField.contextAuthorizerClaims('sub'),
          }),
        ),
      },
    });
  }
}

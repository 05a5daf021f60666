import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  appDefinition,
  catchAllFunction,
  functionEntries,
  functionsWithTrigger,
  httpRoutes,
} from '../../infra/app-definition.js';
import { tableAccessOf } from '../../infra/bindings.js';
import { functionEnvironment, signsCursors } from '../../infra/function-environment.js';
import { STAGES } from '../../infra/stacks/stage-config.js';
import { STORES_CLAIM } from '../../lib/auth/principal.js';
import { ROLES } from '../../lib/auth/roles.js';
import {
  actionsOf,
  allTemplates,
  apiResourcesOfType,
  type CfnJson,
  functionSite,
  isCdkHelperFunction,
  logicalId,
  type PolicyStatement,
  parentValueOfParameter,
  type SynthesizedStage,
  statementsOfRole,
  synthStage,
} from './synth.js';

const WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];

describe.each(STAGES)('api stack (%s)', (stage) => {
  let synth: SynthesizedStage;
  let resources: Record<string, CfnJson>;
  let authorizerId: string;

  interface RouteSite {
    route: CfnJson;
    domain: string;
    resources: Record<string, CfnJson>;
  }
  /** The one route with this key, in whichever domain stack declares it. */
  const routeByKey = (key: string): RouteSite => {
    const matches = Object.entries(synth.domainTemplates).flatMap(([domain, template]) =>
      Object.values(template.findResources('AWS::ApiGatewayV2::Route'))
        .filter((route: CfnJson) => route.Properties.RouteKey === key)
        .map((route) => ({ route, domain, resources: template.toJSON().Resources })),
    );
    expect(matches, key).toHaveLength(1);
    return matches[0] as RouteSite;
  };
  /** The domain and Lambda function logical id a route's integration invokes. */
  const routeTarget = ({ route, domain, resources: domainResources }: RouteSite) => {
    const integrationId = route.Properties.Target['Fn::Join'][1][1].Ref as string;
    const integration = domainResources[integrationId];
    expect(integration.Type).toBe('AWS::ApiGatewayV2::Integration');
    return { domain, functionId: integration.Properties.IntegrationUri['Fn::GetAtt'][0] as string };
  };
  const siteOf = (name: string) => {
    const site = functionSite(synth, name);
    return { domain: site.domain, functionId: site.functionId };
  };
  /** A nested-stack parameter reference resolved to what the api stack passes in. */
  const inParent = (domain: string, value: CfnJson): CfnJson =>
    parentValueOfParameter(synth, domain, value.Ref as string);

  beforeAll(() => {
    synth = synthStage(stage);
    resources = synth.apiTemplate.toJSON().Resources;
    const authorizers = apiResourcesOfType(synth, 'AWS::ApiGatewayV2::Authorizer');
    expect(authorizers).toHaveLength(1);
    authorizerId = Object.keys(synth.apiTemplate.findResources('AWS::ApiGatewayV2::Authorizer'))[0] as string;
  });

  describe('routes', () => {
    it.each(
      httpRoutes().map(({ functionName, route }) => [`${route.method} ${route.path}`, functionName, route]),
    )('%s is served by %s', (key, functionName, route) => {
      const site = routeByKey(key);
      const { Properties: props } = site.route;
      expect(inParent(site.domain, props.ApiId)).toEqual({ Ref: logicalId(synth.api, synth.api.api) });
      if (route.access === 'public') {
        expect(props.AuthorizationType).toBe('NONE');
        expect(props.AuthorizerId).toBeUndefined();
      } else {
        expect(props.AuthorizationType).toBe('JWT');
        expect(inParent(site.domain, props.AuthorizerId)).toEqual({ Ref: authorizerId });
      }
      expect(routeTarget(site)).toEqual(siteOf(functionName));
    });

    it('keeps the public routes public and everything else behind the JWT authorizer', () => {
      const publicKeys = httpRoutes()
        .filter(({ route }) => route.access === 'public')
        .map(({ route }) => `${route.method} ${route.path}`);
      expect(publicKeys).toEqual(expect.arrayContaining(['GET /health', 'GET /openapi.json']));
      for (const key of publicKeys) expect(routeByKey(key).route.Properties.AuthorizationType).toBe('NONE');
    });

    it('sends $default to the catch-all function only behind the JWT authorizer', () => {
      const site = routeByKey('$default');
      expect(site.route.Properties.AuthorizationType).toBe('JWT');
      expect(inParent(site.domain, site.route.Properties.AuthorizerId)).toEqual({ Ref: authorizerId });
      expect(routeTarget(site)).toEqual(siteOf(catchAllFunction()));
    });

    it('leaves no route without the authorizer but the public ones', () => {
      const open = apiResourcesOfType(synth, 'AWS::ApiGatewayV2::Route')
        .filter((route) => route.Properties.AuthorizationType !== 'JWT')
        .map((route) => route.Properties.RouteKey as string)
        .sort();
      const publicKeys = httpRoutes()
        .filter(({ route }) => route.access === 'public')
        // A public GET's derived HEAD twin is public too (head-routes.test.ts).
        .flatMap(({ route }) => [
          `${route.method} ${route.path}`,
          ...(route.method === 'GET' ? [`HEAD ${route.path}`] : []),
        ])
        .sort();
      expect(open).toEqual(publicKeys);
    });

    it('has no route the app definition does not declare', () => {
      // Each GET route has a derived HEAD twin (see head-routes.test.ts); `+ 1` is $default.
      const gets = httpRoutes().filter(({ route }) => route.method === 'GET').length;
      expect(apiResourcesOfType(synth, 'AWS::ApiGatewayV2::Route')).toHaveLength(
        httpRoutes().length + gets + 1,
      );
    });
  });

  describe('JWT authorizer', () => {
    it('trusts ID tokens of this user pool for this app client', () => {
      const userPoolId = logicalId(synth.api, synth.api.userPool);
      const clientId = logicalId(synth.api, synth.api.userPoolClient);
      expect(resources[authorizerId].Properties).toMatchObject({
        AuthorizerType: 'JWT',
        IdentitySource: ['$request.header.Authorization'],
        JwtConfiguration: {
          Audience: [{ Ref: clientId }],
          Issuer: {
            'Fn::Join': [
              '',
              [
                'https://cognito-idp.',
                { Ref: 'AWS::Region' },
                '.',
                { Ref: 'AWS::URLSuffix' },
                '/',
                { Ref: userPoolId },
              ],
            ],
          },
        },
      });
    });
  });

  describe('HTTP API', () => {
    it('answers CORS preflight as the app definition says', () => {
      synth.apiTemplate.hasResourceProperties('AWS::ApiGatewayV2::Api', {
        ProtocolType: 'HTTP',
        CorsConfiguration: {
          AllowOrigins: [...appDefinition.cors.allowOrigins],
          AllowHeaders: [...appDefinition.cors.allowHeaders],
          ExposeHeaders: [...appDefinition.cors.exposeHeaders],
          MaxAge: appDefinition.cors.maxAgeSeconds,
          AllowMethods: Match.arrayWith([...new Set(httpRoutes().map(({ route }) => route.method))]),
        },
      });
    });

    it('logs every request as JSON to a log group with retention, and throttles the default stage', () => {
      const stages = Object.values(synth.apiTemplate.findResources('AWS::ApiGatewayV2::Stage'));
      expect(stages).toHaveLength(1);
      const { Properties: props } = stages[0] as CfnJson;
      expect(props.StageName).toBe('$default');
      expect(props.AutoDeploy).toBe(true);
      expect(props.DefaultRouteSettings).toEqual({
        ThrottlingBurstLimit: expect.any(Number),
        ThrottlingRateLimit: expect.any(Number),
      });
      const format = JSON.parse(props.AccessLogSettings.Format);
      expect(format).toMatchObject({
        requestId: '$context.requestId',
        routeKey: '$context.routeKey',
        status: '$context.status',
        httpMethod: '$context.httpMethod',
        path: '$context.path',
      });
      const logGroup = resources[props.AccessLogSettings.DestinationArn['Fn::GetAtt'][0]];
      expect(logGroup.Type).toBe('AWS::Logs::LogGroup');
      expect(logGroup.Properties.RetentionInDays).toBeGreaterThan(0);
    });

    it('outputs the API URL, user pool id, app client id and cursor secret ARN', () => {
      for (const output of ['ApiUrl', 'UserPoolId', 'UserPoolClientId', 'CursorSecretArn']) {
        synth.apiTemplate.hasOutput(output, {});
      }
    });
  });

  describe('Cognito', () => {
    it('has an admin-provisioned user pool with email sign-in and a strong password policy', () => {
      synth.apiTemplate.resourceCountIs('AWS::Cognito::UserPool', 1);
      synth.apiTemplate.hasResourceProperties('AWS::Cognito::UserPool', {
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        UsernameAttributes: ['email'],
        Policies: {
          PasswordPolicy: {
            MinimumLength: Match.anyValue(),
            RequireLowercase: true,
            RequireUppercase: true,
            RequireNumbers: true,
            RequireSymbols: true,
            TemporaryPasswordValidityDays: Match.anyValue(),
          },
        },
        Schema: Match.arrayWith([
          Match.objectLike({
            Name: STORES_CLAIM.replace('custom:', ''),
            AttributeDataType: 'String',
            Mutable: true,
          }),
        ]),
      });
      const pool = Object.values(synth.apiTemplate.findResources('AWS::Cognito::UserPool'))[0] as CfnJson;
      expect(pool.Properties.Policies.PasswordPolicy.MinimumLength).toBeGreaterThanOrEqual(12);
    });

    it('has one group per role', () => {
      const groups = Object.values(synth.apiTemplate.findResources('AWS::Cognito::UserPoolGroup')).map(
        (group: CfnJson) => group.Properties.GroupName,
      );
      expect(groups.sort()).toEqual([...ROLES].sort());
    });

    it('has a public SRP client that cannot change its own store scope', () => {
      synth.apiTemplate.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
      const client = Object.values(
        synth.apiTemplate.findResources('AWS::Cognito::UserPoolClient'),
      )[0] as CfnJson;
      expect(client.Properties.GenerateSecret).toBe(false);
      expect(client.Properties.ExplicitAuthFlows.sort()).toEqual([
        'ALLOW_REFRESH_TOKEN_AUTH',
        'ALLOW_USER_PASSWORD_AUTH',
        'ALLOW_USER_SRP_AUTH',
      ]);
      expect(client.Properties.AllowedOAuthFlowsUserPoolClient).toBe(false);
      expect(client.Properties.WriteAttributes).toBeDefined();
      expect(client.Properties.WriteAttributes).not.toContain(STORES_CLAIM);
      expect(client.Properties.WriteAttributes).not.toContain('email');
    });

    if (stage === 'prod') {
      it('retains and protects the prod user pool', () => {
        const pool = Object.values(synth.apiTemplate.findResources('AWS::Cognito::UserPool'))[0] as CfnJson;
        expect(pool.DeletionPolicy).toBe('Retain');
        expect(pool.Properties.DeletionProtection).toBe('ACTIVE');
      });
    }
  });

  describe('functions', () => {
    it('has exactly one Lambda function per function of the app definition, in its domain’s stack', () => {
      const synthesized = Object.entries(synth.domainTemplates).flatMap(([domain, template]) =>
        Object.keys(template.findResources('AWS::Lambda::Function'))
          .filter((id) => !isCdkHelperFunction(id))
          .map((functionId) => `${domain}/${functionId}`),
      );
      const declared = Object.entries(appDefinition.domains).flatMap(([domain, functions]) =>
        Object.keys(functions).map((name) => {
          const site = functionSite(synth, name);
          expect(site.domain).toBe(domain);
          return `${domain}/${site.functionId}`;
        }),
      );
      expect(synthesized.sort()).toEqual(declared.sort());
      // Only CDK's own (the dashboard's BucketDeployment handler, S3 auto-delete in dev) sit at the top.
      expect(
        Object.keys(synth.apiTemplate.findResources('AWS::Lambda::Function')).filter(
          (id) => !isCdkHelperFunction(id),
        ),
      ).toEqual([]);
    });

    it('deploys each domain as a nested stack of the api stack', () => {
      expect(Object.keys(synth.api.domains).sort()).toEqual(Object.keys(appDefinition.domains).sort());
      synth.apiTemplate.resourceCountIs(
        'AWS::CloudFormation::Stack',
        Object.keys(appDefinition.domains).length,
      );
    });

    it.each(functionEntries())(
      '%s runs on arm64 Node.js >= 22 with tracing and its own log group',
      (name, fn) => {
        const site = functionSite(synth, name);
        const { Properties: props } = site.resources[site.functionId];
        expect(Number(/^nodejs(\d+)\.x$/.exec(props.Runtime)?.[1])).toBeGreaterThanOrEqual(22);
        expect(props.Architectures).toEqual(['arm64']);
        expect(props.TracingConfig).toEqual({ Mode: 'Active' });
        expect(props.Handler).toBe('index.handler');
        expect(props.MemorySize).toBe(fn.memorySize ?? 512);
        expect(props.Timeout).toBe(fn.timeoutSeconds ?? 10);
        expect(props.LoggingConfig.LogFormat).toBe('JSON');
        const logGroup = site.resources[props.LoggingConfig.LogGroup.Ref];
        expect(logGroup.Type).toBe('AWS::Logs::LogGroup');
        expect(logGroup.Properties.RetentionInDays).toBeGreaterThan(0);
        expect(logGroup.DeletionPolicy).toBe(stage === 'prod' ? 'Retain' : 'Delete');
      },
    );

    it.each(functionEntries())('%s gets the shared function environment', (name, fn) => {
      const site = functionSite(synth, name);
      const { Variables: variables } = site.resources[site.functionId].Properties.Environment;
      const expected = functionEnvironment(appDefinition, fn, {
        tableName: 'TOKEN',
        stage,
        cursorSecretId: 'TOKEN',
        eventBusName: 'TOKEN',
        deadLetterQueueUrl: 'TOKEN',
        auditRetentionDays: 400,
        userPoolId: 'TOKEN',
        topicArns: Object.fromEntries(Object.keys(appDefinition.topics).map((topic) => [topic, 'TOKEN'])),
        bucketNames: Object.fromEntries(
          Object.keys(appDefinition.buckets).map((bucket) => [bucket, 'TOKEN']),
        ),
      });
      // The Parameters and Secrets extension's own settings, set by CDK where the layer is added.
      const extension = /^(PARAMETERS_SECRETS_EXTENSION|SECRETS_MANAGER|SSM_PARAMETER_STORE)_/;
      const ours = Object.keys(variables).filter((key) => !extension.test(key));
      expect(ours.sort()).toEqual(Object.keys(expected).sort());
      expect(Object.keys(variables).some((key) => extension.test(key))).toBe(signsCursors(fn));
      expect(variables.STAGE).toBe(stage);
      // No --enable-source-maps on the hot path (infra/bundling.ts, FUNCTION_NODE_OPTIONS).
      expect(variables.NODE_OPTIONS).toBeUndefined();
      if (tableAccessOf(fn) !== 'none') expect(variables.TABLE_NAME).toHaveProperty('Fn::ImportValue');
    });
  });

  describe('IAM', () => {
    it('never grants * or dynamodb:*', () => {
      for (const policy of apiResourcesOfType(synth, 'AWS::IAM::Policy')) {
        for (const statement of policy.Properties.PolicyDocument.Statement) {
          expect(actionsOf(statement)).not.toContain('*');
          expect(actionsOf(statement)).not.toContain('dynamodb:*');
        }
      }
    });

    it('uses no AWS managed policies on function roles', () => {
      for (const [name] of functionEntries()) {
        const site = functionSite(synth, name);
        expect(site.resources[site.roleId].Properties.ManagedPolicyArns).toBeUndefined();
      }
    });

    it.each(functionEntries())('%s gets exactly the table access it declares', (name, fn) => {
      const site = functionSite(synth, name);
      const dynamoActions = statementsOfRole(site.template, site.roleId)
        .flatMap(actionsOf)
        .filter((action) => action.startsWith('dynamodb:'));
      switch (tableAccessOf(fn)) {
        case 'none':
          // A stream consumer reads the table's stream, and nothing of the table itself.
          expect(dynamoActions).toEqual(
            functionsWithTrigger('stream').some((entry) => entry.functionName === name)
              ? expect.arrayContaining(['dynamodb:GetRecords', 'dynamodb:GetShardIterator'])
              : [],
          );
          for (const action of ['dynamodb:GetItem', 'dynamodb:Query', ...WRITE_ACTIONS])
            expect(dynamoActions).not.toContain(action);
          break;
        case 'read':
          expect(dynamoActions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
          for (const action of WRITE_ACTIONS) expect(dynamoActions).not.toContain(action);
          break;
        case 'read-write':
          expect(dynamoActions).toEqual(
            expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', ...WRITE_ACTIONS]),
          );
          break;
        case 'append':
          // PutItem only (the statement and its condition: test/infra/audit-grant.test.ts).
          expect(dynamoActions).toContain('dynamodb:PutItem');
          for (const action of ['dynamodb:GetItem', 'dynamodb:Query', ...WRITE_ACTIONS.slice(1)])
            expect(dynamoActions).not.toContain(action);
          break;
      }
    });
  });

  describe('cursor secret', () => {
    const secretId = () => Object.keys(synth.apiTemplate.findResources('AWS::SecretsManager::Secret'))[0];
    const readsSecret = (statement: PolicyStatement) =>
      actionsOf(statement).some((action) => action.startsWith('secretsmanager:'));

    it('is one secret that CloudFormation generates, kept in prod', () => {
      const secrets = Object.values(synth.apiTemplate.findResources('AWS::SecretsManager::Secret'));
      expect(secrets).toHaveLength(1);
      const [secret] = secrets as CfnJson[];
      expect(secret.Properties.SecretString).toBeUndefined();
      expect(secret.Properties.GenerateSecretString).toMatchObject({
        PasswordLength: 64,
        ExcludePunctuation: true,
      });
      expect(secret.DeletionPolicy).toBe(stage === 'prod' ? 'Retain' : 'Delete');
    });

    it.each(functionEntries())('%s can read it exactly when it pages through the table', (name, fn) => {
      const site = functionSite(synth, name);
      const props = site.resources[site.functionId].Properties;
      const statements = statementsOfRole(site.template, site.roleId).filter(readsSecret);
      if (!signsCursors(fn)) {
        expect(statements).toEqual([]);
        expect(props.Environment.Variables.CURSOR_SECRET_ID).toBeUndefined();
        expect(props.Layers).toBeUndefined();
        return;
      }
      expect(statements).toHaveLength(1);
      const statement = statements[0] as PolicyStatement;
      expect(actionsOf(statement)).toEqual(
        expect.arrayContaining(['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret']),
      );
      expect(inParent(site.domain, statement.Resource)).toEqual({ Ref: secretId() });
      expect(inParent(site.domain, props.Environment.Variables.CURSOR_SECRET_ID)).toEqual({
        Ref: secretId(),
      });
      // The Parameters and Secrets extension, which reads and caches it.
      expect(props.Layers).toHaveLength(1);
    });

    it('is readable by no role outside the functions that page', () => {
      const pagingRoles = functionEntries()
        .filter(([, fn]) => signsCursors(fn))
        .map(([name]) => functionSite(synth, name).roleId);
      for (const template of allTemplates(synth)) {
        for (const policy of Object.values(template.findResources('AWS::IAM::Policy')) as CfnJson[]) {
          const statements = policy.Properties.PolicyDocument.Statement as PolicyStatement[];
          if (!statements.some(readsSecret)) continue;
          for (const role of policy.Properties.Roles as CfnJson[]) expect(pagingRoles).toContain(role.Ref);
        }
      }
      expect(Object.keys(synth.apiTemplate.findResources('AWS::SecretsManager::ResourcePolicy'))).toEqual([]);
    });
  });

  it('hard-codes no physical names', () => {
    // A literal would collide between stages in one account; references to other resources are fine.
    const physicalNameProperties = [
      'TableName',
      'FunctionName',
      'UserPoolName',
      'LogGroupName',
      'RoleName',
      'QueueName',
      'TopicName',
    ];
    for (const template of allTemplates(synth)) {
      for (const [id, resource] of Object.entries(template.toJSON().Resources as Record<string, CfnJson>)) {
        for (const property of physicalNameProperties) {
          expect(typeof resource.Properties?.[property], `${id}.${property}`).not.toBe('string');
        }
      }
    }
  });
});

describe('browser origins', () => {
  it('replace the default * in the API CORS configuration, which alone sets CORS headers', () => {
    const origins = ['https://shop.example.com', 'https://pos.example.com'];
    const synth = synthStage('prod', { allowedOrigins: origins });
    synth.apiTemplate.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({ AllowOrigins: origins }),
    });
    const functions = [synth.apiTemplate, ...Object.values(synth.domainTemplates)].flatMap((template) =>
      Object.entries(template.findResources('AWS::Lambda::Function'))
        .filter(([id]) => !isCdkHelperFunction(id))
        .map(([, fn]) => fn as CfnJson),
    );
    expect(functions.length).toBeGreaterThan(50);
    // API Gateway ignores CORS headers a function returns, so no function is told the origins.
    for (const fn of functions) {
      const names = Object.keys(fn.Properties.Environment.Variables);
      expect(names.filter((name) => name.startsWith('CORS_'))).toEqual([]);
    }
  });
});

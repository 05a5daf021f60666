import { NestedStack, type NestedStackProps, Validations } from 'aws-cdk-lib';
import {
  HttpMethod,
  HttpNoneAuthorizer,
  HttpRoute,
  HttpRouteKey,
  type IHttpApi,
  type IHttpRouteAuthorizer,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { type RouteContract, routeKey } from '../../lib/http/route.js';
import type { AppDefinition, DomainFunctions, FunctionDefinition } from '../app-definition-types.js';
import type { AlarmTopic } from '../constructs/alarm-topic.js';
import { AppFunction } from '../constructs/app-function.js';
import type { StageSettings } from './stage-config.js';

export interface DomainStackProps extends NestedStackProps {
  app: AppDefinition;
  domain: string;
  functions: DomainFunctions;
  settings: StageSettings;
  table: ITable;
  api: IHttpApi;
  /** The JWT authorizer every non-public route uses; it lives in the parent stack. */
  authorizer: IHttpRouteAuthorizer;
  /** The stage's alarm topic; it lives in the parent stack. */
  alarms: AlarmTopic;
  /** Signs pagination cursors; it lives in the parent stack. */
  cursorSecret: ISecret;
}

/** Construct ids from route keys: `GET /stores/{storeId}` -> `GET-stores-storeId`. */
const routeId = (key: string): string => key.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+/g, '-');

/**
 * A GET route also answers HEAD (the HTTP chain drops the body), derived here rather than
 * declared in a second contract; the local gateway does the same in lib/http/route-matcher.ts.
 */
const methodsServedBy = (route: RouteContract): (RouteContract['method'] | 'HEAD')[] =>
  route.method === 'GET' ? ['GET', 'HEAD'] : [route.method];

/**
 * One domain of the app definition as a nested stack: its functions (AppFunction: Lambda, role,
 * grant, log group, schedule) and the HTTP routes they serve. About seven resources a function,
 * so one domain per nested stack keeps every template far below CloudFormation's 500 resources;
 * the parent deploys and rolls back all domains together, like one stack.
 */
export class DomainStack extends NestedStack {
  /** By function name in the app definition. */
  readonly functions: Record<string, AppFunction>;

  constructor(scope: Construct, id: string, props: DomainStackProps) {
    super(scope, id, props);
    const { app, functions, settings, table, alarms, cursorSecret } = props;
    this.functions = {};
    for (const [name, definition] of Object.entries(functions)) {
      const appFunction = new AppFunction(this, name, {
        app,
        definition,
        table,
        settings,
        alarms,
        cursorSecret,
      });
      this.functions[name] = appFunction;
      this.addRoutes(name, definition, appFunction, props);
    }
  }

  private addRoutes(
    name: string,
    definition: FunctionDefinition,
    appFunction: AppFunction,
    props: DomainStackProps,
  ): void {
    if (!definition.routes?.length && !definition.catchAll) return;
    const integration = new HttpLambdaIntegration(`${name}-integration`, appFunction.function);
    for (const route of definition.routes ?? []) {
      const isPublic = route.access === 'public';
      for (const method of methodsServedBy(route)) {
        const key = routeKey({ method, path: route.path });
        const httpRoute = new HttpRoute(this, `Route-${routeId(key)}`, {
          httpApi: props.api,
          routeKey: HttpRouteKey.with(route.path, HttpMethod[method]),
          integration,
          // Public routes are explicitly NONE, never the JWT authorizer by accident.
          authorizer: isPublic ? new HttpNoneAuthorizer() : props.authorizer,
        });
        if (isPublic) {
          Validations.of(httpRoute).acknowledge({
            id: 'AwsSolutions-APIG4',
            reason: `${key} is public by design (declared access 'public' in its route contract).`,
          });
        }
      }
    }
    if (definition.catchAll) {
      // Requests no route matched answer 404/405 as problem+json, but only to signed-in callers:
      // behind the JWT authorizer, anonymous traffic to unknown paths gets API Gateway's 401 and
      // never invokes a function (nor costs one).
      new HttpRoute(this, 'Route-default', {
        httpApi: props.api,
        routeKey: HttpRouteKey.DEFAULT,
        integration,
        authorizer: props.authorizer,
      });
    }
  }
}

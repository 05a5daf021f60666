import { Validations } from 'aws-cdk-lib';
import {
  HttpMethod,
  HttpNoneAuthorizer,
  HttpRoute,
  HttpRouteKey,
  type IHttpApi,
  type IHttpRouteAuthorizer,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { type RouteContract, routeKey } from '../../lib/http/route.js';
import type { HttpTrigger } from '../app-definition-types.js';

/** Construct ids from route keys: `GET /stores/{storeId}` -> `GET-stores-storeId`. */
const routeId = (key: string): string => key.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+/g, '-');

/**
 * A GET route also answers HEAD (the HTTP chain drops the body), derived here rather than
 * declared in a second contract; the local gateway does the same in lib/http/route-matcher.ts.
 */
const methodsServedBy = (route: RouteContract): (RouteContract['method'] | 'HEAD')[] =>
  route.method === 'GET' ? ['GET', 'HEAD'] : [route.method];

export interface HttpTriggerProps {
  functionName: string;
  function: IFunction;
  triggers: readonly HttpTrigger[];
  api: IHttpApi;
  /** The JWT authorizer every non-public route and `$default` use. */
  authorizer: IHttpRouteAuthorizer;
}

/**
 * The `http` triggers of one function: its routes (with HEAD twins) and, for the catch-all,
 * `$default`. Unlike the other trigger kinds this adds the routes straight to `scope` (the
 * domain stack) rather than to a construct of its own, so that their logical ids stay those
 * already deployed: a replaced route would collide with its own route key.
 */
export const addHttpTriggers = (scope: Construct, props: HttpTriggerProps): void => {
  if (props.triggers.length === 0) return;
  const integration = new HttpLambdaIntegration(`${props.functionName}-integration`, props.function);
  for (const trigger of props.triggers) {
    if ('catchAll' in trigger) {
      // Requests no route matched answer 404/405 as problem+json, but only to signed-in callers:
      // behind the JWT authorizer, anonymous traffic to unknown paths gets API Gateway's 401 and
      // never invokes a function (nor costs one).
      new HttpRoute(scope, 'Route-default', {
        httpApi: props.api,
        routeKey: HttpRouteKey.DEFAULT,
        integration,
        authorizer: props.authorizer,
      });
      continue;
    }
    const { route } = trigger;
    const isPublic = route.access === 'public';
    for (const method of methodsServedBy(route)) {
      const key = routeKey({ method, path: route.path });
      const httpRoute = new HttpRoute(scope, `Route-${routeId(key)}`, {
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
};

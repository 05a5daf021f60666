/**
 * The local runtime the timed sections share within one process: DynamoDB Local in memory with
 * the demo data, the functions' environment applied (so lib/ may be imported after
 * `benchRuntime()` resolved), started on first use and stopped by the section process.
 */
import { randomBytes } from 'node:crypto';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import type { Role } from '../../../lib/auth/roles.js';
import { flattenClaims } from '../api-gateway-event.js';
import { loadDevKeys } from '../dev-keys.js';
import { createTokenVerifier } from '../dev-token-verifier.js';
import { localDynamoClient } from '../dynamodb-local.js';
import { type LocalRuntime, startLocalRuntime } from '../local-runtime.js';

let started: Promise<LocalRuntime> | undefined;

/**
 * A DynamoDB Local already running (the smoke test hands over its own): the sections use a
 * table of their own in it, dropped on stop, instead of starting a JVM.
 */
export const BENCH_DYNAMODB_ENDPOINT_ENV = 'STOREFLEET_BENCH_DYNAMODB_ENDPOINT';

export const benchRuntime = (): Promise<LocalRuntime> => {
  const endpoint = process.env[BENCH_DYNAMODB_ENDPOINT_ENV];
  started ??= startLocalRuntime({
    seed: true,
    quiet: true,
    ...(endpoint
      ? { dynamoEndpoint: endpoint, tableName: `storefleet-bench-${randomBytes(3).toString('hex')}` }
      : {}),
  });
  return started;
};

export const stopBenchRuntime = async (): Promise<void> => {
  if (!started) return;
  const runtime = await started;
  started = undefined;
  await runtime.stop();
  if (!process.env[BENCH_DYNAMODB_ENDPOINT_ENV]) return;
  const client = localDynamoClient(runtime.dynamoEndpoint);
  await client.send(new DeleteTableCommand({ TableName: runtime.tableName })).catch(() => undefined);
  client.destroy();
};

/**
 * The claims API Gateway's JWT authorizer would hand the function for a real token of `role`:
 * signed with the runtime's keys and verified as the local gateway verifies it.
 */
export const verifiedClaims = async (
  runtime: LocalRuntime,
  role: Role,
  stores?: string[],
): Promise<Record<string, string>> => {
  const token = await runtime.signToken({ role, ...(stores ? { stores } : {}) });
  const verify = createTokenVerifier(await loadDevKeys());
  return flattenClaims(verify(token) as Record<string, unknown>);
};

export interface HttpEventInput {
  method: string;
  path: string;
  routeKey: string;
  pathParameters?: Record<string, string>;
  headers?: Record<string, string>;
  body?: unknown;
  claims: Record<string, string>;
  requestId: string;
}

/** A payload-format-2.0 event as API Gateway sends it for an authorized request. */
export const httpEvent = (input: HttpEventInput): APIGatewayProxyEventV2WithJWTAuthorizer => {
  const now = Date.now();
  return {
    version: '2.0',
    routeKey: input.routeKey,
    rawPath: input.path,
    rawQueryString: '',
    headers: {
      host: 'localhost',
      'user-agent': 'storefleet-bench',
      'x-forwarded-proto': 'https',
      ...(input.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...input.headers,
    },
    requestContext: {
      accountId: '000000000000',
      apiId: 'bench',
      authorizer: { jwt: { claims: input.claims, scopes: [] } },
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: input.method,
        path: input.path,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'storefleet-bench',
      },
      requestId: input.requestId,
      routeKey: input.routeKey,
      stage: '$default',
      time: new Date(now).toISOString(),
      timeEpoch: now,
    },
    ...(input.pathParameters ? { pathParameters: input.pathParameters } : {}),
    ...(input.body === undefined ? {} : { body: JSON.stringify(input.body) }),
    isBase64Encoded: false,
  } as APIGatewayProxyEventV2WithJWTAuthorizer;
};

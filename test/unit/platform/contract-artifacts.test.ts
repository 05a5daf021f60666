import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { handler as openApiHandler } from '../../../functions/platform/openapi.js';
import { handler as routeNotFound } from '../../../functions/platform/route-not-found.js';
import { httpRoutes } from '../../../infra/app-definition.js';
import { openApiJson, routeTable, staleArtifacts } from '../../../infra/local/contract-artifacts.js';
import { REPO_ROOT } from '../../../infra/local/repo-paths.js';
import type { HttpEvent } from '../../../lib/http/http-handler.js';
import { documentedRoutes } from '../../../lib/platform/api-routes.js';
import { API_VERSION } from '../../../lib/platform/api-version.js';
import { buildOpenApiDocument } from '../../../lib/platform/openapi-document.js';
import { ROUTE_TABLE } from '../../../lib/platform/route-table.generated.js';

const context = { awsRequestId: 'lambda-req', functionName: 'test' } as unknown as Context;
const get = (method: string, path: string) =>
  ({
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: {},
    isBase64Encoded: false,
    requestContext: { requestId: 'req-1', http: { method, path } },
  }) as unknown as HttpEvent;

const TSX = path.join(REPO_ROOT, 'node_modules/.bin/tsx');

type Answer = APIGatewayProxyStructuredResultV2 & { headers: Record<string, string>; body: string };

describe('artifacts generated from the route contracts (npm run contracts:generate)', () => {
  it('are up to date with the contracts', () => {
    const stale = staleArtifacts().map(({ file }) => file);
    expect(stale, 'run `npm run contracts:generate` and commit the result').toEqual([]);
  });

  it('serve the OpenAPI document byte for byte as built from the full schemas', async () => {
    const answer = (await openApiHandler(get('GET', '/openapi.json'), context)) as Answer;
    const built = buildOpenApiDocument(documentedRoutes(), API_VERSION);
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(answer.headers['cache-control']).toBe('public, max-age=300');
    // This process registered the schemas in another order than the CLI did: compare parsed.
    expect(JSON.parse(answer.body)).toStrictEqual(built);
    expect(JSON.parse(answer.body)).toStrictEqual(JSON.parse(openApiJson()));
    // Byte for byte what `npm run openapi` prints (the document before it was built at build time).
    const printed = execFileSync(TSX, ['infra/local/print-openapi.ts'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(`${JSON.stringify(JSON.parse(answer.body), null, 2)}\n`).toBe(printed);
  });

  it('tell 404 from 405 with a table of exactly the routes the app definition serves', async () => {
    const served = httpRoutes()
      .map(({ route }) => `${route.method} ${route.path}`)
      .sort();
    expect(ROUTE_TABLE.map(({ method, path }) => `${method} ${path}`).sort()).toEqual(served);
    expect(routeTable()).toEqual([...ROUTE_TABLE]);

    const wrongMethod = (await routeNotFound(get('DELETE', '/orders'), context)) as Answer;
    expect(wrongMethod.statusCode).toBe(405);
    expect(wrongMethod.headers.allow?.split(', ').sort()).toEqual(['GET', 'HEAD', 'POST']);
    const postOnly = (await routeNotFound(get('GET', '/orders/o1/payments'), context)) as Answer;
    expect(postOnly.statusCode).toBe(405);
    expect(postOnly.headers.allow).toBe('POST');
    const nowhere = (await routeNotFound(get('GET', '/nowhere'), context)) as Answer;
    expect(nowhere.statusCode).toBe(404);
    expect(JSON.parse(nowhere.body)).toMatchObject({ status: 404, detail: 'No route for GET /nowhere.' });
  });
});

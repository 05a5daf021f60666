import { httpRoutes } from '../../infra/app-definition.js';
import { httpHandler } from '../../lib/http/http-handler.js';
import { buildOpenApiDocument } from '../../lib/platform/openapi-document.js';
import { openApiRoute } from '../../lib/platform/platform-routes.js';

// Built once per cold start: the document only changes with a deployment.
const document = buildOpenApiDocument(
  httpRoutes().map(({ route }) => route),
  process.env.API_VERSION ?? '0.1.0',
);

export const handler = httpHandler(openApiRoute, async () => ({
  status: 200,
  body: document,
  headers: { 'cache-control': 'public, max-age=300' },
}));

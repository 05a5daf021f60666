import { httpHandler } from '../../lib/http/http-handler.js';
import { documentedRoutes } from '../../lib/platform/api-routes.js';
import { API_VERSION } from '../../lib/platform/api-version.js';
import { buildOpenApiDocument } from '../../lib/platform/openapi-document.js';
import { openApiRoute } from '../../lib/platform/platform-routes.js';

// Built once per cold start: the document only changes with a deployment.
const document = buildOpenApiDocument(documentedRoutes(), API_VERSION);

export const handler = httpHandler(openApiRoute, async () => ({
  status: 200,
  body: document,
  headers: { 'cache-control': 'public, max-age=300' },
}));

import { httpHandler } from '../../lib/http/http-handler.js';
import { decodeOpenApiDocument } from '../../lib/platform/openapi-artifact.js';
import { OPENAPI_DOCUMENT_GZIP_BASE64 } from '../../lib/platform/openapi-document.generated.js';
import { openApiRoute } from '../../lib/platform/platform-routes.js';

// Built from the route contracts at build time (npm run contracts:generate); inflated once per cold start.
const document = decodeOpenApiDocument(OPENAPI_DOCUMENT_GZIP_BASE64);

export const handler = httpHandler(openApiRoute, async () => ({
  status: 200,
  body: document,
  contentType: 'application/json',
  headers: { 'cache-control': 'public, max-age=300' },
}));

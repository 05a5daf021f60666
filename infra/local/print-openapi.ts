/** `npm run --silent openapi`: prints the OpenAPI document the API serves at /openapi.json. */
import { API_VERSION } from '../../lib/platform/api-version.js';
import { buildOpenApiDocument } from '../../lib/platform/openapi-document.js';
import { httpRoutes } from '../app-definition.js';

const document = buildOpenApiDocument(
  httpRoutes().map(({ route }) => route),
  API_VERSION,
);
process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);

/** `npm run --silent openapi`: prints the OpenAPI document the API serves at /openapi.json. */

import { documentedRoutes } from '../../lib/platform/api-routes.js';
import { API_VERSION } from '../../lib/platform/api-version.js';
import { buildOpenApiDocument } from '../../lib/platform/openapi-document.js';

const document = buildOpenApiDocument(documentedRoutes(), API_VERSION);
process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);

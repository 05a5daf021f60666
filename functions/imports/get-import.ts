import { httpHandler } from '../../lib/http/http-handler.js';
import { getImportJob } from '../../lib/imports/import-job-service.js';
import { getImportRoute } from '../../lib/imports/import-routes.js';

export const handler = httpHandler(getImportRoute, async ({ principal, params }) => ({
  status: 200,
  body: await getImportJob(principal, params.importId),
}));

import { httpHandler } from '../../lib/http/http-handler.js';
import { createImportJob } from '../../lib/imports/import-job-service.js';
import { createImportRoute } from '../../lib/imports/import-routes.js';

export const handler = httpHandler(createImportRoute, async ({ principal, body }) => {
  const job = await createImportJob(principal, body);
  return { status: 201, body: job, location: `/imports/${job.importId}` };
});

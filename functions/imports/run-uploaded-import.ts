import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { importIdOfUploadKey } from '../../lib/imports/import-bucket.js';
import { ObjectCreatedEvent } from '../../lib/imports/object-created-event.js';
import { runUploadedImport } from '../../lib/imports/run-uploaded-import.js';
import { logger } from '../../lib/logger.js';

/**
 * An uploaded import file (`uploads/<importId>.csv`, S3 "Object Created"): runs the import. An
 * event that does not parse throws, so the trigger's retries and dead-letter queue keep it.
 */
export const runUpload = async (event: unknown) => {
  const { detail } = ObjectCreatedEvent.parse(event);
  const importId = importIdOfUploadKey(detail.object.key);
  if (!importId) {
    logger.warn('not an import upload', { key: detail.object.key });
    return undefined;
  }
  return runUploadedImport(importId, detail.object.key);
};

export const handler = middy<unknown, unknown>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(runUpload);

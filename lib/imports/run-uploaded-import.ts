import { ENTITY, importKeys } from '../db/keys.js';
import { getItem } from '../db/query-page.js';
import { logger } from '../logger.js';
import { ImportFileError } from './csv-table.js';
import { readUpload, writeReport } from './import-bucket.js';
import type { ImportJob } from './import-job-schemas.js';
import { jobOf, type StoredJob, updateJob } from './import-job-store.js';
import { runImport } from './run-import.js';

/**
 * The uploaded file of an import (the S3 object-created trigger): runs it with the rights of
 * whoever started it, writes the report next to it and the counts on the job. A file that
 * cannot be read fails the job with the reason, writing nothing. A redelivery of the event
 * for a finished job does nothing; one for a running job (the first attempt died) runs the
 * import again, which skips what the first attempt wrote.
 */
export const runUploadedImport = async (
  importId: string,
  uploadKey: string,
): Promise<ImportJob | undefined> => {
  const item = await getItem(importKeys.job(importId));
  if (!item || item.entityType !== ENTITY.importJob) {
    logger.warn('upload without an import job', { importId, uploadKey });
    return undefined;
  }
  let job = item as unknown as StoredJob;
  if (job.status === 'completed' || job.status === 'failed') return jobOf(item);
  if (job.status === 'awaiting_upload') job = await updateJob(job, { status: 'running' }, new Date());
  try {
    const file = await readUpload(uploadKey);
    const result = await runImport(job.kind, file, {
      actor: { ...job.principal },
      dryRun: job.dryRun,
      ...(job.storeId === undefined ? {} : { storeId: job.storeId }),
    });
    await writeReport(importId, result.report);
    job = await updateJob(job, { status: 'completed', counts: result.counts }, new Date());
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    job = await updateJob(job, { status: 'failed', error: error.message }, new Date());
  }
  logger.info('import finished', { importId, kind: job.kind, status: job.status, counts: job.counts });
  return jobOf(job as unknown as Record<string, unknown>);
};

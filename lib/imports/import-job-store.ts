/**
 * An import job as stored (with the caller it runs as) and its one guarded update, shared by
 * the HTTP side (lib/imports/import-job-service.ts: create, get) and the run of an uploaded file
 * (lib/imports/run-uploaded-import.ts), which are separate modules so that the HTTP functions
 * do not bundle and construct every import kind's parsing and schemas.
 */
import type { Principal } from '../auth/principal.js';
import { tableName } from '../db/client.js';
import { ENTITY, importKeys } from '../db/keys.js';
import { transactWrite } from '../db/transact.js';
import type { ImportJob } from './import-job-schemas.js';

/** The caller, kept on the job: the import later runs with exactly their rights. */
export interface StoredJob extends ImportJob {
  principal: { userId: string; role: Principal['role']; storeIds: Principal['storeIds'] };
}

const JOB_FIELDS_HIDDEN = ['pk', 'sk', 'entityType', 'principal'] as const;
export const jobOf = (item: Record<string, unknown>): ImportJob => {
  const copy = { ...item };
  for (const field of JOB_FIELDS_HIDDEN) delete copy[field];
  return copy as unknown as ImportJob;
};

/** Moves the job on if it is still at `version` (a redelivered event finds it moved and stops). */
export const updateJob = async (
  job: StoredJob,
  changes: Partial<ImportJob>,
  now: Date,
): Promise<StoredJob> => {
  const next: StoredJob = {
    ...job,
    ...changes,
    version: job.version + 1,
    updatedAt: now.toISOString(),
    updatedBy: 'system:import',
  };
  await transactWrite([
    {
      write: {
        Put: {
          TableName: tableName(),
          Item: { ...importKeys.job(job.importId), entityType: ENTITY.importJob, ...next },
          ConditionExpression: 'version = :expected',
          ExpressionAttributeValues: { ':expected': job.version },
        },
      },
    },
  ]);
  return next;
};

import { ulid } from 'ulid';
import type { Principal } from '../auth/principal.js';
import { roleHasPermission } from '../auth/roles.js';
import { assertStoreAccess, canAccessStore } from '../auth/store-scope.js';
import { tableName } from '../db/client.js';
import { newItemMeta } from '../db/item-meta.js';
import { ENTITY, importKeys } from '../db/keys.js';
import { getItem } from '../db/query-page.js';
import { transactWrite } from '../db/transact.js';
import { ForbiddenError, InternalError, NotFoundError } from '../errors.js';
import { logger } from '../logger.js';
import { findStore } from '../stores/store-repository.js';
import { ImportFileError } from './csv-table.js';
import {
  PRESIGNED_SECONDS,
  presignedReport,
  presignedUpload,
  readUpload,
  writeReport,
} from './import-bucket.js';
import type { CreateImportInput, ImportJob } from './import-job-schemas.js';
import { runImport } from './run-import.js';

/** What each kind changes, so an import needs the same permission as the API route it stands for. */
const KIND_PERMISSION = {
  products: 'catalog:write',
  stock: 'inventory:adjust',
  customers: 'customers:write',
  'supplier-prices': 'suppliers:write',
} as const;

/** The caller, kept on the job: the import later runs with exactly their rights. */
interface StoredJob extends ImportJob {
  principal: { userId: string; role: Principal['role']; storeIds: Principal['storeIds'] };
}

const JOB_FIELDS_HIDDEN = ['pk', 'sk', 'entityType', 'principal'] as const;
const jobOf = (item: Record<string, unknown>): ImportJob => {
  const copy = { ...item };
  for (const field of JOB_FIELDS_HIDDEN) delete copy[field];
  return copy as unknown as ImportJob;
};

const notFound = (importId: string) => new NotFoundError({ detail: `Import ${importId} was not found.` });

export const createImportJob = async (
  principal: Principal,
  input: CreateImportInput,
  now = new Date(),
): Promise<ImportJob & { uploadUrl: string; uploadExpiresAt: string }> => {
  const needed = KIND_PERMISSION[input.kind];
  if (!roleHasPermission(principal.role, needed))
    throw new ForbiddenError({
      detail: `Importing ${input.kind} needs ${needed}, which your role does not have.`,
    });
  if (input.storeId !== undefined) {
    assertStoreAccess(principal, input.storeId);
    if (!(await findStore(input.storeId)))
      throw new NotFoundError({ detail: `Store ${input.storeId} was not found.` });
  }
  const importId = `im_${ulid().toLowerCase()}`;
  const job: StoredJob = {
    importId,
    kind: input.kind,
    ...(input.storeId === undefined ? {} : { storeId: input.storeId }),
    dryRun: input.dryRun,
    status: 'awaiting_upload',
    createdBy: principal.userId,
    principal: { userId: principal.userId, role: principal.role, storeIds: principal.storeIds },
    ...newItemMeta(principal, now),
  };
  await transactWrite([
    {
      write: {
        Put: {
          TableName: tableName(),
          Item: { ...importKeys.job(importId), entityType: ENTITY.importJob, ...job },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConditionFailed: () => new InternalError({ detail: `Import id ${importId} collided.` }),
    },
  ]);
  return {
    ...jobOf(job as unknown as Record<string, unknown>),
    uploadUrl: await presignedUpload(importId),
    uploadExpiresAt: new Date(now.getTime() + PRESIGNED_SECONDS * 1000).toISOString(),
  };
};

/** Admin and finance see every import; others their own, or those of a store they work at. */
const canSee = (principal: Principal, job: ImportJob): boolean =>
  principal.storeIds === 'all' ||
  job.createdBy === principal.userId ||
  (job.storeId !== undefined && canAccessStore(principal, job.storeId));

export const getImportJob = async (
  principal: Principal,
  importId: string,
): Promise<ImportJob & { reportUrl?: string }> => {
  const item = await getItem(importKeys.job(importId));
  if (!item || item.entityType !== ENTITY.importJob) throw notFound(importId);
  const job = jobOf(item);
  if (!canSee(principal, job)) throw notFound(importId);
  return job.status === 'completed' ? { ...job, reportUrl: await presignedReport(importId) } : job;
};

/** Moves the job on if it is still at `version` (a redelivered event finds it moved and stops). */
const updateJob = async (job: StoredJob, changes: Partial<ImportJob>, now: Date): Promise<StoredJob> => {
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
  const file = await readUpload(uploadKey);
  try {
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

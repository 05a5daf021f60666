import { ulid } from 'ulid';
import type { Principal } from '../auth/principal.js';
import { roleHasPermission } from '../auth/roles.js';
import { assertStoreAccess, canAccessStore } from '../auth/store-scope.js';
import { tableName } from '../db/client.js';
import { newItemMeta } from '../db/item-meta.js';
import { ENTITY, importKeys } from '../db/keys.js';
import { getItem } from '../db/query-page.js';
import { guardedPut } from '../db/transact.js';
import { ForbiddenError, InternalError, NotFoundError } from '../errors.js';
import { findStore } from '../stores/store-repository.js';
import { PRESIGNED_SECONDS, presignedReport, presignedUpload } from './import-bucket.js';
import type { CreateImportInput, ImportJob } from './import-job-schemas.js';
import { jobOf, type StoredJob } from './import-job-store.js';

/** What each kind changes, so an import needs the same permission as the API route it stands for. */
const KIND_PERMISSION = {
  products: 'catalog:write',
  stock: 'inventory:adjust',
  customers: 'customers:write',
  'supplier-prices': 'suppliers:write',
} as const;

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
  await guardedPut(
    {
      TableName: tableName(),
      Item: { ...importKeys.job(importId), entityType: ENTITY.importJob, ...job },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
    () => new InternalError({ detail: `Import id ${importId} collided.` }),
  );
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

import { ResourceId } from '../http/common-schemas.js';
import * as z from '../zod.js';

export const IMPORT_KIND_NAMES = ['products', 'stock', 'customers', 'supplier-prices'] as const;
export const IMPORT_STATUSES = ['awaiting_upload', 'running', 'completed', 'failed'] as const;

export const CreateImportBody = /* @__PURE__ */ (() =>
  z
    .strictObject({
      kind: z
        .enum(IMPORT_KIND_NAMES)
        .clone()
        .register(z.globalRegistry, { description: 'What the file holds (columns: docs/import/).' }),
      storeId: z.optional(ResourceId).clone().register(z.globalRegistry, {
        description: 'The store of a stock file; required for `stock`, refused otherwise.',
      }),
      dryRun: z._default(z.boolean(), false).clone().register(z.globalRegistry, {
        description: 'Check every line and write the report, but write no data.',
      }),
    })
    .check(
      z.superRefine((body, ctx) => {
        if (body.kind === 'stock' && body.storeId === undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['storeId'],
            message: 'A stock file is for one store: give its id.',
          });
        if (body.kind !== 'stock' && body.storeId !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['storeId'],
            message: `A ${body.kind} file is not for one store.`,
          });
      }),
    )
    .clone()
    .register(z.globalRegistry, { id: 'CreateImport' }))();
export type CreateImportInput = z.output<typeof CreateImportBody>;

export const ImportCountsSchema = /* @__PURE__ */ (() =>
  z
    .object({
      rows: z.number().check(z.int()),
      imported: z.number().check(z.int()),
      skipped: z.number().check(z.int()).clone().register(z.globalRegistry, {
        description: 'Lines already imported by an earlier run (nothing written).',
      }),
      rejected: z.number().check(z.int()),
      valid: z
        .number()
        .check(z.int())
        .clone()
        .register(z.globalRegistry, { description: 'Lines a dry run found good (nothing written).' }),
    })
    .clone()
    .register(z.globalRegistry, { id: 'ImportCounts' }))();

export const ImportJobSchema = /* @__PURE__ */ (() =>
  z
    .object({
      importId: ResourceId,
      kind: z.enum(IMPORT_KIND_NAMES),
      storeId: z.optional(ResourceId),
      dryRun: z.boolean(),
      status: z.enum(IMPORT_STATUSES).clone().register(z.globalRegistry, {
        description:
          '`awaiting_upload` until the file arrives, `running`, then `completed` (see counts and the report) or `failed` (see error: the file could not be read; nothing was written).',
      }),
      counts: z.optional(ImportCountsSchema),
      error: z.optional(z.string()),
      createdBy: z.string(),
      createdAt: z.iso.datetime(),
      updatedAt: z.iso.datetime(),
      version: z.number().check(z.int()),
      updatedBy: z.string(),
    })
    .clone()
    .register(z.globalRegistry, { id: 'ImportJob' }))();
export type ImportJob = z.output<typeof ImportJobSchema>;

export const ImportJobView = /* @__PURE__ */ (() =>
  z
    .extend(ImportJobSchema, {
      reportUrl: z.optional(z.url()).clone().register(z.globalRegistry, {
        description:
          'When completed: a presigned link to the result report (CSV: line, status, id, column, reason), valid for 15 minutes.',
      }),
    })
    .clone()
    .register(z.globalRegistry, { id: 'ImportJobView' }))();

export const CreatedImportView = /* @__PURE__ */ (() =>
  z
    .extend(ImportJobSchema, {
      uploadUrl: z.url().clone().register(z.globalRegistry, {
        description: 'PUT the CSV file here (Content-Type: text/csv) within 15 minutes.',
      }),
      uploadExpiresAt: z.iso.datetime(),
    })
    .clone()
    .register(z.globalRegistry, { id: 'CreatedImport' }))();

export const ImportParams = /* @__PURE__ */ (() => z.strictObject({ importId: ResourceId }))();

import * as z from 'zod';
import { ResourceId } from '../http/common-schemas.js';

export const IMPORT_KIND_NAMES = ['products', 'stock', 'customers', 'supplier-prices'] as const;
export const IMPORT_STATUSES = ['awaiting_upload', 'running', 'completed', 'failed'] as const;

export const CreateImportBody = z
  .strictObject({
    kind: z.enum(IMPORT_KIND_NAMES).meta({ description: 'What the file holds (columns: docs/import/).' }),
    storeId: ResourceId.optional().meta({
      description: 'The store of a stock file; required for `stock`, refused otherwise.',
    }),
    dryRun: z
      .boolean()
      .default(false)
      .meta({ description: 'Check every line and write the report, but write no data.' }),
  })
  .superRefine((body, ctx) => {
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
  })
  .meta({ id: 'CreateImport' });
export type CreateImportInput = z.output<typeof CreateImportBody>;

export const ImportCountsSchema = z
  .object({
    rows: z.number().int(),
    imported: z.number().int(),
    skipped: z
      .number()
      .int()
      .meta({ description: 'Lines already imported by an earlier run (nothing written).' }),
    rejected: z.number().int(),
    valid: z.number().int().meta({ description: 'Lines a dry run found good (nothing written).' }),
  })
  .meta({ id: 'ImportCounts' });

export const ImportJobSchema = z
  .object({
    importId: ResourceId,
    kind: z.enum(IMPORT_KIND_NAMES),
    storeId: ResourceId.optional(),
    dryRun: z.boolean(),
    status: z.enum(IMPORT_STATUSES).meta({
      description:
        '`awaiting_upload` until the file arrives, `running`, then `completed` (see counts and the report) or `failed` (see error: the file could not be read; nothing was written).',
    }),
    counts: ImportCountsSchema.optional(),
    error: z.string().optional(),
    createdBy: z.string(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    version: z.number().int(),
    updatedBy: z.string(),
  })
  .meta({ id: 'ImportJob' });
export type ImportJob = z.output<typeof ImportJobSchema>;

export const ImportJobView = ImportJobSchema.extend({
  reportUrl: z.url().optional().meta({
    description:
      'When completed: a presigned link to the result report (CSV: line, status, id, column, reason), valid for 15 minutes.',
  }),
}).meta({ id: 'ImportJobView' });

export const CreatedImportView = ImportJobSchema.extend({
  uploadUrl: z
    .url()
    .meta({ description: 'PUT the CSV file here (Content-Type: text/csv) within 15 minutes.' }),
  uploadExpiresAt: z.iso.datetime(),
}).meta({ id: 'CreatedImport' });

export const ImportParams = z.strictObject({ importId: ResourceId });

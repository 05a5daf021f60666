import type { BucketDefinition } from './app-definition-types.js';

/**
 * The finance data lake: the change export (`changes/`), the curated tables (`curated/`) and
 * the daily report files (`reports/`). Athena's query results live in a bucket of their own
 * (infra/constructs/), which no function binds.
 */
export const dataLakeBucket = {
  description: 'Change-data lake: raw changes, curated Parquet tables and daily report files',
  environmentVariable: 'DATA_LAKE_BUCKET',
} as const satisfies BucketDefinition;

/**
 * Bulk imports: the uploaded files (`uploads/`, their arrival starts the import) and the result
 * reports (`reports/`). Both expire (infra/constructs/import-bucket.ts): the data is in the table.
 */
export const importsBucket = {
  description: 'Bulk import uploads and their result reports',
  environmentVariable: 'IMPORTS_BUCKET',
  eventBridge: true,
} as const satisfies BucketDefinition;

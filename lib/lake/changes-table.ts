import { LAKE_ENTITY_TYPES } from './lake-entities.js';
import type { LakeTable } from './lake-table-types.js';

/**
 * The raw change export: one row per stream record of a business entity, gzipped NDJSON under
 * `changes/entity=<EntityType>/dt=<YYYY-MM-DD>/`, one object per batch per shard, named from the
 * shard and the batch's first sequence number (a retried batch overwrites its own object).
 * `old_image`/`new_image` are the item as plain JSON (unmarshalled), nested in each row, with the
 * value of every personal field replaced by `"[redacted]"` (lib/lake/lake-image.ts); the table
 * reads them as JSON text (Athena: `json_extract(new_image, '$.total')`).
 */
export const changesTable = {
  name: 'changes',
  description: 'Every change of a business entity, as the table stream recorded it',
  prefix: 'changes/',
  format: 'json',
  partitionKeys: [
    {
      name: 'entity',
      type: 'enum',
      values: LAKE_ENTITY_TYPES,
      description: 'Entity type (Order, Product, …)',
    },
    { name: 'dt', type: 'date-string', description: 'UTC day of the change (YYYY-MM-DD)' },
  ],
  columns: [
    { name: 'event_id', type: 'string', description: 'The stream record’s id (stable across retries)' },
    { name: 'event_name', type: 'string', description: 'INSERT, MODIFY or REMOVE' },
    { name: 'entity_type', type: 'string', description: 'The item’s entityType' },
    { name: 'pk', type: 'string', description: 'Partition key of the item' },
    { name: 'sk', type: 'string', description: 'Sort key of the item' },
    {
      name: 'sequence_number',
      type: 'string',
      description: 'Stream sequence number (orders changes per item)',
    },
    {
      name: 'approximate_creation_time',
      type: 'timestamp',
      description: 'When the change was made (UTC, ISO 8601 in the file)',
    },
    { name: 'actor', type: 'string', description: 'Who made it: the item’s updatedBy, or the job' },
    {
      name: 'old_image',
      type: 'string',
      description: 'The item before (JSON, personal fields "[redacted]"; absent on INSERT)',
    },
    {
      name: 'new_image',
      type: 'string',
      description: 'The item after (JSON, personal fields "[redacted]"; absent on REMOVE)',
    },
  ],
} as const satisfies LakeTable;

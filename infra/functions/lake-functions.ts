import { auditKeys } from '../../lib/db/keys.js';
import { changeExportFilterPatterns } from '../../lib/lake/change-export-filter.js';
import type { FunctionDefinition } from '../app-definition-types.js';

/**
 * The finance lake's change export and the audit history: the second of the table stream's two readers (the domain-event
 * publisher is the first; a shard serves two readers well and throttles a third, so every later
 * consumer of changes rides on one of these two or on the bus). Batches are large in AWS (few,
 * big objects for Athena to scan) and short locally so a developer sees a change within seconds.
 */
export const lakeFunctions = {
  exportChanges: {
    entry: 'functions/lake/export-changes.ts',
    description:
      'Export the table’s business-entity changes to the data lake as gzipped NDJSON and append their audit entries',
    // The stream mapping grants the stream read; the table binding only appends audit entries
    // (PutItem on AUDIT# partitions): the handler reads nothing and changes no other item.
    bindings: [
      { bucket: 'dataLake', access: 'write', prefix: 'changes/' },
      { table: 'append', leadingKeyPrefix: auditKeys.partitionPrefix },
    ],
    triggers: [
      {
        kind: 'stream',
        batchSize: 10_000,
        maximumBatchingWindowSeconds: 300,
        localBatchingWindowSeconds: 2,
        bisectBatchOnError: true,
        retryAttempts: 10,
        // The stream keeps records 24 hours; give up (to the on-failure queue) well before that.
        maxRecordAgeSeconds: 6 * 3600,
        filterPatterns: changeExportFilterPatterns(),
      },
    ],
    memorySize: 1024,
    timeoutSeconds: 120,
  },
} as const satisfies Record<string, FunctionDefinition>;

import type { FunctionDefinition } from '../app-definition-types.js';

/** The lake's daily jobs (the change exporter is in lake-functions.ts). */
export const lakeJobFunctions = {
  compactChanges: {
    entry: 'functions/lake/compact-changes.ts',
    description: 'Daily: compact the previous UTC day’s changes into the curated Parquet tables',
    bindings: [
      { bucket: 'dataLake', access: 'read', prefix: 'changes/' },
      { bucket: 'dataLake', access: 'read-write', prefix: 'curated/' },
      // The day's stock report file, built from the end-of-day snapshot it has just written.
      { bucket: 'dataLake', access: 'write', prefix: 'reports/stock/' },
    ],
    triggers: [
      {
        kind: 'schedule',
        // After midnight UTC plus the exporter's longest batching window and its retries.
        expression: 'cron(30 1 * * ? *)',
        description: 'Compact yesterday’s changes (01:30 UTC)',
        localEveryMinutes: 60,
      },
    ],
    // The day's changes and the state tables are held in memory while the files are built.
    memorySize: 2048,
    timeoutSeconds: 900,
  },
} as const satisfies Record<string, FunctionDefinition>;

import { createImportRoute, getImportRoute } from '../../lib/imports/import-routes.js';
import type { FunctionDefinition } from '../app-definition-types.js';

/** Bulk import (lib/imports/): start one (presigned upload), read one, and run an uploaded file. */
export const importFunctions = {
  createImport: {
    entry: 'functions/imports/create-import.ts',
    description: 'POST /imports: an import job and a presigned URL to upload its file to',
    triggers: [{ kind: 'http', route: createImportRoute }],
    // Signing the upload URL needs the right it grants: put objects under uploads/ only.
    bindings: [{ table: 'read-write' }, { bucket: 'imports', access: 'write', prefix: 'uploads/' }],
  },
  getImport: {
    entry: 'functions/imports/get-import.ts',
    description: 'GET /imports/{importId}: status, counts and a presigned link to the report',
    triggers: [{ kind: 'http', route: getImportRoute }],
    bindings: [{ table: 'read' }, { bucket: 'imports', access: 'read', prefix: 'reports/' }],
  },
  runUploadedImport: {
    entry: 'functions/imports/run-uploaded-import.ts',
    description: 'An uploaded import file: validate, deduplicate and write its lines; write the report',
    triggers: [
      {
        kind: 'objectCreated',
        description: 'A file uploaded for an import (uploads/<importId>.csv)',
        bucket: 'imports',
        prefix: 'uploads/',
        // Re-running an import skips what an earlier attempt wrote, so retries are safe.
        retryAttempts: 2,
        maxEventAgeSeconds: 3600,
      },
    ],
    bindings: [
      { table: 'read-write' },
      { bucket: 'imports', access: 'read', prefix: 'uploads/' },
      { bucket: 'imports', access: 'write', prefix: 'reports/' },
    ],
    // ≥ 10,000 lines a minute: a 100,000-line file fits in the timeout.
    memorySize: 1024,
    timeoutSeconds: 900,
  },
} as const satisfies Record<string, FunctionDefinition>;

import { listEntityAuditRoute, listStoreAuditRoute } from '../../lib/audit/audit-routes.js';
import type { FunctionDefinition } from '../app-definition-types.js';

/**
 * The audit history's read side. The entries are written by the change exporter
 * (infra/functions/lake-functions.ts), whose grant only appends them; nothing here changes one.
 */
export const auditFunctions = {
  listEntityAudit: {
    entry: 'functions/audit/list-entity-audit.ts',
    description: 'The change history of one entity',
    bindings: [{ table: 'read' }],
    triggers: [{ kind: 'http', route: listEntityAuditRoute }],
  },
  listStoreAudit: {
    entry: 'functions/audit/list-store-audit.ts',
    description: 'The change history of a store’s entities in a time range',
    bindings: [{ table: 'read' }],
    triggers: [{ kind: 'http', route: listStoreAuditRoute }],
  },
} as const satisfies Record<string, FunctionDefinition>;

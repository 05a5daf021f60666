import { CURSOR_SECRET_ID_ENV } from '../lib/db/cursor-secret.js';
import type { AppDefinition, FunctionDefinition } from './app-definition-types.js';

/**
 * Functions that may sign or read pagination cursors: every function that Queries the table,
 * whether for a listing or an internal loop (expiry, live promotions) that pages through one.
 * Only these may read the cursor secret; it grants nothing beyond the table they already read.
 */
export const signsCursors = (fn: FunctionDefinition): boolean => fn.tableAccess !== 'none';

/**
 * The environment every function runs with, computed once for AWS (CDK) and for the local
 * runtime, so the two cannot drift. `tableName` is a CDK token in AWS and the local table's
 * name locally; `cursorSecretId` (AWS only) names the Secrets Manager secret that signs cursors,
 * which the local runtime replaces by CURSOR_SECRET for the whole process.
 */
export const functionEnvironment = (
  app: AppDefinition,
  fn: FunctionDefinition,
  settings: { tableName: string; stage: string; logLevel?: string; cursorSecretId?: string },
): Record<string, string> => ({
  POWERTOOLS_SERVICE_NAME: app.service,
  POWERTOOLS_METRICS_NAMESPACE: app.service,
  POWERTOOLS_LOG_LEVEL: settings.logLevel ?? 'INFO',
  STAGE: settings.stage,
  CORS_ALLOWED_ORIGINS: app.cors.allowOrigins.join(','),
  CORS_EXPOSE_HEADERS: app.cors.exposeHeaders.join(','),
  ...(fn.tableAccess === 'none' ? {} : { TABLE_NAME: settings.tableName }),
  ...(settings.cursorSecretId && signsCursors(fn) ? { [CURSOR_SECRET_ID_ENV]: settings.cursorSecretId } : {}),
  ...fn.environment,
});

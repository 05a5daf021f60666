import type { AppDefinition, FunctionDefinition } from './app-definition-types.js';

/**
 * The environment every function runs with, computed once for AWS (CDK) and for the local
 * runtime, so the two cannot drift. `tableName` is a CDK token in AWS and the local table's
 * name locally.
 */
export const functionEnvironment = (
  app: AppDefinition,
  fn: FunctionDefinition,
  settings: { tableName: string; stage: string; logLevel?: string },
): Record<string, string> => ({
  POWERTOOLS_SERVICE_NAME: app.service,
  POWERTOOLS_METRICS_NAMESPACE: app.service,
  POWERTOOLS_LOG_LEVEL: settings.logLevel ?? 'INFO',
  STAGE: settings.stage,
  CORS_ALLOWED_ORIGINS: app.cors.allowOrigins.join(','),
  CORS_EXPOSE_HEADERS: app.cors.exposeHeaders.join(','),
  ...(fn.tableAccess === 'none' ? {} : { TABLE_NAME: settings.tableName }),
  ...fn.environment,
});

import { CURSOR_SECRET_ENV } from '../../lib/db/cursor-secret.js';
import { LOCAL_AWS } from './dynamodb-local.js';

export const LOCAL_STAGE = 'local';
export const DEFAULT_TABLE_NAME = 'storefleet-local';
/** The local S3's buckets, by bucket name of the app definition. */
export const LOCAL_BUCKET_NAMES = {
  dataLake: 'storefleet-local-lake',
  imports: 'storefleet-local-imports',
} as const;

export interface LocalEnvironmentSettings {
  tableName: string;
  dynamoEndpoint: string;
  /** Signs pagination cursors (infra/local/cursor-secret.ts); AWS reads it from Secrets Manager. */
  cursorSecret: string;
  /** The local S3 (s3rver) the handlers' S3 client talks to (lib/lake/s3-client.ts). */
  s3Endpoint?: string;
  /** Silences handler logs (tests); otherwise Powertools prints readable dev logs. */
  quiet?: boolean;
}

let appliedEndpoint: string | undefined;

/**
 * The environment the functions run with, pointed at DynamoDB Local with fake credentials so
 * nothing can reach a real AWS account.
 *
 * lib/ reads some of it once, when a module first loads (lib/db/client.ts the endpoint,
 * lib/observability.ts the Powertools settings), and importing the app definition can load
 * lib/ modules. So this sets everything lib/ may read at load first, and only then imports
 * the app definition to add what every function gets in AWS (the same functionEnvironment
 * the CDK app uses, merged: all handlers share this process, and they agree). Callers must
 * not import the app definition, a handler or a lib/ service before this has resolved; one
 * process serves one DynamoDB Local.
 */
export const applyLocalEnvironment = async (settings: LocalEnvironmentSettings): Promise<void> => {
  if (appliedEndpoint !== undefined && appliedEndpoint !== settings.dynamoEndpoint) {
    throw new Error(
      'This process already serves another DynamoDB Local; start one local runtime per process',
    );
  }
  appliedEndpoint = settings.dynamoEndpoint;
  const logLevel = settings.quiet ? 'SILENT' : (process.env.POWERTOOLS_LOG_LEVEL ?? 'INFO');
  Object.assign(process.env, {
    TABLE_NAME: settings.tableName,
    DYNAMODB_ENDPOINT: settings.dynamoEndpoint,
    [CURSOR_SECRET_ENV]: settings.cursorSecret,
    AWS_REGION: LOCAL_AWS.region,
    AWS_DEFAULT_REGION: LOCAL_AWS.region,
    AWS_ACCESS_KEY_ID: LOCAL_AWS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_AWS.secretAccessKey,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...(settings.s3Endpoint ? { S3_ENDPOINT: settings.s3Endpoint } : {}),
    POWERTOOLS_LOG_LEVEL: logLevel,
    POWERTOOLS_TRACE_ENABLED: 'false',
    POWERTOOLS_METRICS_DISABLED: 'true',
    ...(settings.quiet ? {} : { POWERTOOLS_DEV: 'true' }),
  });
  // A developer's real session or profile must never mix with the fake credentials.
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;

  const [{ appDefinition, functionEntries }, { functionEnvironment }] = await Promise.all([
    import('../app-definition.js'),
    import('../function-environment.js'),
  ]);
  const perFunction = functionEntries().map(([, fn]) =>
    functionEnvironment(appDefinition, fn, {
      tableName: settings.tableName,
      stage: LOCAL_STAGE,
      logLevel,
      ...(settings.s3Endpoint ? { bucketNames: LOCAL_BUCKET_NAMES } : {}),
    }),
  );
  Object.assign(process.env, ...perFunction);
};

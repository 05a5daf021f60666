import { randomBytes, randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import type { FunctionDefinition } from '../app-definition-types.js';
import { LOCAL_ACCOUNT_ID } from './api-gateway-event.js';
import { LOCAL_AWS } from './dynamodb-local.js';

/** Same defaults as infra/constructs/app-function.ts, which the deployed functions get. */
const DEFAULT_MEMORY_MB = 512;
const DEFAULT_TIMEOUT_SECONDS = 10;

/**
 * A Lambda `Context` like the one the runtime passes in AWS. The timeout is only reported
 * through getRemainingTimeInMillis, never enforced, so a debugger can pause a handler.
 */
export const lambdaContext = (
  functionName: string,
  fn: FunctionDefinition,
  awsRequestId = randomUUID(),
): Context => {
  const physicalName = `storefleet-local-${functionName}`;
  const deadline = Date.now() + (fn.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
  const day = new Date().toISOString().slice(0, 10).replaceAll('-', '/');
  const unsupported = () => {
    throw new Error('done/fail/succeed are not supported by async handlers');
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: physicalName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${LOCAL_AWS.region}:${LOCAL_ACCOUNT_ID}:function:${physicalName}`,
    memoryLimitInMB: String(fn.memorySize ?? DEFAULT_MEMORY_MB),
    awsRequestId,
    logGroupName: `/aws/lambda/${physicalName}`,
    logStreamName: `${day}/[$LATEST]${randomBytes(16).toString('hex')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
};

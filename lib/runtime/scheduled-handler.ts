import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { Context, ScheduledEvent } from 'aws-lambda';
import { logger, metrics, tracer } from '../observability.js';

/**
 * The Middy chain of scheduled jobs: structured logs, metrics and tracing, with the job's
 * summary logged. A job that throws fails the (asynchronous) invocation, so Lambda retries it
 * and then sends the event to the function's dead-letter queue; jobs must be idempotent.
 */
export const scheduledHandler = <T extends Record<string, unknown>>(
  name: string,
  run: (event: ScheduledEvent, context: Context) => Promise<T>,
) =>
  middy<ScheduledEvent, T>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(captureLambdaHandler(tracer))
    .use(logMetrics(metrics, { captureColdStartMetric: true }))
    .handler(async (event, context) => {
      logger.appendKeys({ job: name });
      const summary = await run(event, context);
      logger.info('job finished', { summary });
      return summary;
    });

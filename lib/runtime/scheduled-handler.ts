import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context, ScheduledEvent } from 'aws-lambda';
import { logger } from '../logger.js';
import { metrics } from '../metrics.js';

/**
 * The Middy chain of scheduled jobs: structured logs, metrics and tracing, with the job's
 * summary logged and each of its numeric fields published as a Count metric (dimension `job`),
 * so a job's work (e.g. orders expired, failed) can be graphed and alarmed on. A job that
 * throws fails the (asynchronous) invocation, so Lambda retries it and then sends the event to
 * the function's dead-letter queue; jobs must be idempotent.
 */
export const scheduledHandler = <T extends Record<string, unknown>>(
  name: string,
  run: (event: ScheduledEvent, context: Context) => Promise<T>,
) =>
  // `jobName` lets a test check that it is the app definition's function name (handlers do not import infra/).
  Object.assign(chain(name, run), { jobName: name });

const chain = <T extends Record<string, unknown>>(
  name: string,
  run: (event: ScheduledEvent, context: Context) => Promise<T>,
) =>
  middy<ScheduledEvent, T>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics, { captureColdStartMetric: true }))
    .handler(async (event, context) => {
      logger.appendKeys({ job: name });
      const summary = await run(event, context);
      logger.info('job finished', { summary });
      metrics.addDimension('job', name);
      for (const [field, value] of Object.entries(summary)) {
        if (typeof value === 'number' && Number.isFinite(value))
          metrics.addMetric(field, MetricUnit.Count, value);
      }
      return summary;
    });

import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { ChangeExportError, exportChanges } from '../../lib/lake/change-export.js';
import { putChangeObjectTo } from '../../lib/lake/change-export-s3.js';
import { dataLakeBucketName, s3Client } from '../../lib/lake/s3-client.js';
import { logger, metrics, tracer } from '../../lib/observability.js';

/**
 * The table's stream → the lake's `changes/` (the stream's second reader; the domain-event
 * publisher is the first). An object that could not be written fails the whole batch in the
 * partial batch response (every record named), so it is retried from its first record and its
 * objects are rewritten under the same names: a retry never adds rows.
 */
export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(captureLambdaHandler(tracer))
  .use(logMetrics(metrics))
  .handler(async (event) => {
    try {
      const outcome = await exportChanges(event.Records, putChangeObjectTo(s3Client(), dataLakeBucketName()));
      metrics.addMetric('ChangeRowsExported', MetricUnit.Count, outcome.rows);
      metrics.addMetric('ChangeObjectsWritten', MetricUnit.Count, outcome.objects.length);
      logger.info('stream batch exported', {
        records: event.Records.length,
        rows: outcome.rows,
        objects: outcome.objects.length,
        skipped: outcome.skipped,
      });
      return { batchItemFailures: [] };
    } catch (error) {
      metrics.addMetric('ChangeBatchesFailed', MetricUnit.Count, 1);
      logger.error('stream batch not exported; retrying it whole', {
        records: event.Records.length,
        error,
        ...(error instanceof ChangeExportError ? { failedKeys: error.failedKeys, causes: error.causes } : {}),
      });
      return {
        batchItemFailures: event.Records.map((record) => ({
          itemIdentifier: record.dynamodb?.SequenceNumber ?? '',
        })),
      };
    }
  });

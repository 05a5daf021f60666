import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { AuditWriteError } from '../../lib/audit/audit-writer.js';
import { recordAudit } from '../../lib/audit/record-audit.js';
import { ChangeExportError, exportChanges } from '../../lib/lake/change-export.js';
import { putChangeObjectTo } from '../../lib/lake/change-export-s3.js';
import { dataLakeBucketName, s3Client } from '../../lib/lake/s3-client.js';
import { logger } from '../../lib/logger.js';
import { metrics } from '../../lib/metrics.js';

const details = (error: unknown) =>
  error instanceof ChangeExportError
    ? { failedKeys: error.failedKeys, causes: error.causes }
    : error instanceof AuditWriteError
      ? { causes: error.causes }
      : {};

/**
 * The table's stream → the lake's `changes/` and the audit history (the stream's second reader;
 * the domain-event publisher is the first, and a third would be throttled). Both halves are
 * idempotent: objects are named from their first row, audit items are conditional puts keyed by
 * the record. If either fails, the whole batch fails in the partial batch response (every record
 * named), so it is retried from its first record and nothing is written twice.
 */
export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics))
  .handler(async (event) => {
    const [lake, audit] = await Promise.allSettled([
      exportChanges(event.Records, putChangeObjectTo(s3Client(), dataLakeBucketName())),
      recordAudit(event.Records),
    ]);
    if (lake.status === 'fulfilled' && audit.status === 'fulfilled') {
      metrics.addMetric('ChangeRowsExported', MetricUnit.Count, lake.value.rows);
      metrics.addMetric('ChangeObjectsWritten', MetricUnit.Count, lake.value.objects.length);
      metrics.addMetric('AuditItemsWritten', MetricUnit.Count, audit.value.written);
      logger.info('stream batch exported', {
        records: event.Records.length,
        rows: lake.value.rows,
        objects: lake.value.objects.length,
        skipped: lake.value.skipped,
        auditEntries: audit.value.entries,
        auditItemsWritten: audit.value.written,
        auditItemsExisting: audit.value.existing,
      });
      return { batchItemFailures: [] };
    }
    metrics.addMetric('ChangeBatchesFailed', MetricUnit.Count, 1);
    for (const [part, result] of [
      ['lake', lake],
      ['audit', audit],
    ] as const)
      if (result.status === 'rejected')
        logger.error(`stream batch not exported (${part}); retrying it whole`, {
          records: event.Records.length,
          error: result.reason,
          ...details(result.reason),
        });
    return {
      batchItemFailures: event.Records.map((record) => ({
        itemIdentifier: record.dynamodb?.SequenceNumber ?? '',
      })),
    };
  });

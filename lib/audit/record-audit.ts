import type { DynamoDBRecord } from 'aws-lambda';
import { auditEntriesOf } from './audit-entry.js';
import { auditRetentionDays } from './audit-retention.js';
import { type AuditWriteOutcome, writeAuditEntries } from './audit-writer.js';

/** One stream batch's audit entries, appended to the table (the change exporter's second job). */
export const recordAudit = async (
  records: readonly DynamoDBRecord[],
  retentionDays = auditRetentionDays(),
): Promise<AuditWriteOutcome & { entries: number }> => {
  const entries = auditEntriesOf(records);
  return { entries: entries.length, ...(await writeAuditEntries(entries, retentionDays)) };
};

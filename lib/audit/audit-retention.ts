/** The function environment variable the stage sets (infra/stacks/stage-config.ts). */
export const AUDIT_RETENTION_DAYS_ENV = 'AUDIT_RETENTION_DAYS';

/** How long the table keeps an audit entry unless the stage says otherwise; the lake keeps all. */
export const DEFAULT_AUDIT_RETENTION_DAYS = 400;

/** Longer than any business question needs, short of DynamoDB TTL's five-year horizon. */
export const MAX_AUDIT_RETENTION_DAYS = 3650;

export const isAuditRetentionDays = (days: number): boolean =>
  Number.isInteger(days) && days >= 1 && days <= MAX_AUDIT_RETENTION_DAYS;

/**
 * The retention in days from the environment: unset means the default; anything but a whole
 * number of days from 1 to 3650 is a deployment mistake, refused loudly rather than keeping
 * entries for a surprising time.
 */
export const auditRetentionDays = (value = process.env[AUDIT_RETENTION_DAYS_ENV]): number => {
  if (value === undefined || value === '') return DEFAULT_AUDIT_RETENTION_DAYS;
  const days = Number(value);
  if (!isAuditRetentionDays(days))
    throw new Error(
      `${AUDIT_RETENTION_DAYS_ENV} must be a whole number of days from 1 to ${MAX_AUDIT_RETENTION_DAYS}, not ${JSON.stringify(value)}`,
    );
  return days;
};

/** The entry's TTL (epoch seconds): its time plus the retention, so a redelivery computes the same. */
export const auditExpiry = (at: string, days: number): number =>
  Math.floor(Date.parse(at) / 1000) + days * 86_400;

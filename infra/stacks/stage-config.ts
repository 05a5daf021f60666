import { RemovalPolicy } from 'aws-cdk-lib';
import { ApplicationLogLevel } from 'aws-cdk-lib/aws-lambda';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { DEFAULT_AUDIT_RETENTION_DAYS } from '../../lib/audit/audit-retention.js';

export const STAGES = ['dev', 'prod'] as const;
export type Stage = (typeof STAGES)[number];

/** What differs between stages; everything else is identical so dev rehearses prod. */
export interface StageSettings {
  stage: Stage;
  /** Keep stateful resources (table, user pool, log groups) when a stack or resource is deleted. */
  retain: boolean;
  removalPolicy: RemovalPolicy;
  logRetention: RetentionDays;
  logLevel: ApplicationLogLevel.DEBUG | ApplicationLogLevel.INFO;
  /** Default-stage throttling of the HTTP API (requests per second, burst). */
  throttle: { rateLimit: number; burstLimit: number };
  /** Days the table keeps an audit entry (TTL); the lake keeps every change for good. */
  auditRetentionDays: number;
  /** The table's AWS Backup plan (infra/constructs/table-backup.ts), beside its 35 days of PITR. */
  backup: BackupSettings;
}

export interface BackupSettings {
  /** Daily backups, kept this many days. */
  dailyRetentionDays: number;
  /** Monthly backups (the 1st of the month), kept this many days; none when absent. */
  monthlyRetentionDays?: number;
  /**
   * Deny deleting recovery points to every principal (the vault's access policy): a
   * compromised or mistaken admin cannot remove the backups; AWS Backup still expires them.
   */
  blockRecoveryPointDeletion: boolean;
}

const SETTINGS: Record<Stage, Omit<StageSettings, 'stage'>> = {
  dev: {
    retain: false,
    removalPolicy: RemovalPolicy.DESTROY,
    logRetention: RetentionDays.ONE_WEEK,
    logLevel: ApplicationLogLevel.DEBUG,
    throttle: { rateLimit: 50, burstLimit: 100 },
    backup: { dailyRetentionDays: 35, blockRecoveryPointDeletion: false },
    auditRetentionDays: DEFAULT_AUDIT_RETENTION_DAYS,
  },
  prod: {
    retain: true,
    removalPolicy: RemovalPolicy.RETAIN,
    logRetention: RetentionDays.ONE_MONTH,
    logLevel: ApplicationLogLevel.INFO,
    throttle: { rateLimit: 500, burstLimit: 1000 },
    backup: { dailyRetentionDays: 35, monthlyRetentionDays: 365, blockRecoveryPointDeletion: true },
    auditRetentionDays: DEFAULT_AUDIT_RETENTION_DAYS,
  },
};

export const isStage = (value: unknown): value is Stage =>
  typeof value === 'string' && (STAGES as readonly string[]).includes(value);

/** Reads `-c stage=...`; anything but a known stage is a mistake worth stopping the synth for. */
export const parseStage = (value: unknown): Stage => {
  if (value === undefined) return 'dev';
  if (isStage(value)) return value;
  throw new Error(`Unknown stage ${JSON.stringify(value)}: pass -c stage=${STAGES.join('|')}`);
};

export const stageSettings = (stage: Stage): StageSettings => ({ stage, ...SETTINGS[stage] });

/** Reads `-c <context>=...` (optional); a value that is not an email address stops the synth. */
export const parseEmail = (context: string, value: unknown): string | undefined => {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return value;
  throw new Error(`-c ${context} must be an email address, not ${JSON.stringify(value)}`);
};

/** Reads `-c alarmEmail=...` (optional); a value that is not an email address stops the synth. */
export const parseAlarmEmail = (value: unknown): string | undefined => parseEmail('alarmEmail', value);

/**
 * Reads `-c allowedOrigins=https://shop.example.com,https://pos.example.com` (optional): the
 * browser origins CORS admits instead of the app definition's default `*`. Each must be an
 * https origin (http only for localhost); anything else stops the synth.
 */
export const parseAllowedOrigins = (value: unknown): string[] | undefined => {
  if (value === undefined || value === '') return undefined;
  const origins = String(value)
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  const bad = origins.filter(
    (origin) =>
      !/^https:\/\/[a-z0-9.-]+(:\d+)?$/i.test(origin) && !/^http:\/\/localhost(:\d+)?$/.test(origin),
  );
  if (typeof value !== 'string' || origins.length === 0 || bad.length > 0)
    throw new Error(
      `-c allowedOrigins must be comma-separated origins like https://shop.example.com, not ${JSON.stringify(value)}`,
    );
  return origins;
};

/** A table the stage uses instead of creating one (a restored table: docs/runbooks/restore.md). */
export interface ExistingTable {
  tableName: string;
  /** Its stream (NEW_AND_OLD_IMAGES), which the stream triggers read. */
  tableStreamArn: string;
}

const TABLE_NAME = /^[a-zA-Z0-9_.-]{3,255}$/;
const STREAM_ARN =
  /^arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\d{12}:table\/([a-zA-Z0-9_.-]{3,255})\/stream\/[0-9A-Za-z:.-]+$/;

/**
 * Reads `-c tableName=... -c tableStreamArn=...` (optional, both or neither). The stream ARN
 * carries a label CloudFormation cannot look up, so it is given too, and must be the stream
 * of that very table; anything else stops the synth before it can point a stage elsewhere.
 */
export const parseExistingTable = (
  tableName: unknown,
  tableStreamArn: unknown,
): ExistingTable | undefined => {
  const given = (value: unknown) => value !== undefined && value !== '';
  if (!given(tableName) && !given(tableStreamArn)) return undefined;
  if (typeof tableName !== 'string' || !TABLE_NAME.test(tableName))
    throw new Error(
      `-c tableName must be a DynamoDB table name (3-255 of a-z A-Z 0-9 _ . -), not ${JSON.stringify(tableName)}`,
    );
  if (typeof tableStreamArn !== 'string' || !given(tableStreamArn))
    throw new Error(
      `-c tableName needs -c tableStreamArn too: aws dynamodb describe-table --table-name ${tableName} --query Table.LatestStreamArn --output text`,
    );
  const streamOf = STREAM_ARN.exec(tableStreamArn)?.[1];
  if (streamOf !== tableName)
    throw new Error(
      `-c tableStreamArn must be the stream ARN of table ${tableName} (arn:aws:dynamodb:<region>:<account>:table/${tableName}/stream/<label>), not ${JSON.stringify(tableStreamArn)}`,
    );
  return { tableName, tableStreamArn };
};

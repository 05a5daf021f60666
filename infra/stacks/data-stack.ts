import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import {
  type Attribute,
  AttributeType,
  BillingMode,
  type ITable,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import { type Archive, EventBus, Match } from 'aws-cdk-lib/aws-events';
import type { Bucket, IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { type IndexProjection, keyAttributeTypes, TABLE_DEFINITION } from '../../lib/db/table-definition.js';
import { EVENT_ARCHIVE_PATTERN, EVENT_ARCHIVE_RETENTION_DAYS } from '../../lib/events/event-archive.js';
import { lakeTables } from '../../lib/lake/lake-tables.js';
import { namedQueries } from '../../lib/lake/named-queries.js';
import { appDefinition } from '../app-definition.js';
import { DataLakeBuckets } from '../constructs/data-lake-buckets.js';
import { ImportBucket } from '../constructs/import-bucket.js';
import { DEFAULT_BYTES_SCANNED_CUTOFF, LakeCatalog } from '../constructs/lake-catalog.js';
import { TableBackup } from '../constructs/table-backup.js';
import type { ExistingTable, StageSettings } from './stage-config.js';
import { INDEX_ROLLOUT_CONTEXT, indexesAtStep, rolloutStepOf } from './table-index-rollout.js';

export interface DataStackProps extends StackProps {
  settings: StageSettings;
  /**
   * Use this table (e.g. one restored from a backup) instead of creating one; it must already
   * have what the created table has (stream, TTL, PITR, deletion protection): see
   * docs/runbooks/restore.md, whose `npm run check-table` verifies it.
   */
  existingTable?: ExistingTable;
}

/** Key attributes typed as TABLE_DEFINITION declares them (strings, and numeric index sort keys). */
const keyAttribute = (name: string, type = keyAttributeTypes()[name]): Attribute => {
  if (!type) throw new Error(`${name} is not a key attribute of TABLE_DEFINITION`);
  return { name, type: type === 'N' ? AttributeType.NUMBER : AttributeType.STRING };
};

/**
 * Stateful resources, kept apart from the API so that the API stack can be replaced or
 * torn down without touching data.
 */
/** How long the bus archive keeps events for replay (`aws events start-replay`). */
export const EVENT_ARCHIVE_RETENTION = Duration.days(EVENT_ARCHIVE_RETENTION_DAYS);

export class DataStack extends Stack {
  /** The stage's table: created here, or the existing (restored) one the stage was pointed at. */
  readonly table: ITable;
  /** The table's AWS Backup vault, plan and selection. */
  readonly tableBackup: TableBackup;
  /** The app's one custom bus: every domain event goes here, and `event` triggers' rules listen here. */
  readonly eventBus: EventBus;
  /** The app's events (sources `storefleet.*`), kept for replay. */
  readonly eventArchive: Archive;
  /** The finance lake: raw changes, curated tables, report files (Athena reads it). */
  readonly dataLakeBucket: Bucket;
  /** Athena's query results (the workgroup enforces this location). */
  readonly queryResultsBucket: Bucket;
  /** Server access logs of the two above. */
  readonly accessLogsBucket: Bucket;
  /** Bulk import uploads and reports. */
  readonly importsBucket: Bucket;
  /** The app definition's buckets by name, for `{ bucket }` bindings. */
  readonly buckets: Readonly<Record<string, IBucket>>;
  /** The Glue database and tables, the Athena workgroup and the finance reports' named queries. */
  readonly lakeCatalog: LakeCatalog;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const { settings } = props;

    this.table = props.existingTable
      ? Table.fromTableAttributes(this, 'Table', {
          ...props.existingTable,
          // Grants then cover the indexes (index/*), as they do for the created table.
          globalIndexes: indexesAtStep(rolloutStepOf(this.node.tryGetContext(INDEX_ROLLOUT_CONTEXT))).map(
            (index) => index.indexName,
          ),
        })
      : createTable(this, settings, rolloutStepOf(this.node.tryGetContext(INDEX_ROLLOUT_CONTEXT)));
    this.tableBackup = new TableBackup(this, 'TableBackup', {
      table: this.table,
      settings: settings.backup,
      removalPolicy: settings.removalPolicy,
    });

    // Here, beside the table: the archive is data too, and survives replacing the API stack.
    this.eventBus = new EventBus(this, 'EventBus', {
      description: `storefleet ${settings.stage} domain events`,
    });
    this.eventArchive = this.eventBus.archive('EventArchive', {
      description: 'storefleet domain events, for replay',
      eventPattern: {
        source: Match.prefix('storefleet.'),
        detailType: Match.anythingBut(...EVENT_ARCHIVE_PATTERN['detail-type'][0]['anything-but']),
      },
      retention: EVENT_ARCHIVE_RETENTION,
    });

    // Data, like the table: the lake outlives any API deployment.
    const lake = new DataLakeBuckets(this, 'DataLake', { removalPolicy: settings.removalPolicy });
    this.dataLakeBucket = lake.dataLakeBucket;
    this.queryResultsBucket = lake.queryResultsBucket;
    this.accessLogsBucket = lake.accessLogsBucket;
    this.buckets = lake.bucketsByName();
    // Bulk imports: uploads and reports (issue 9), logged like the lake's buckets.
    this.importsBucket = new ImportBucket(this, 'Imports', {
      removalPolicy: settings.removalPolicy,
      accessLogsBucket: lake.accessLogsBucket,
      allowedOrigins: appDefinition.cors.allowOrigins,
    }).bucket;
    this.buckets = { ...this.buckets, imports: this.importsBucket };
    // Athena over the lake: tables declared once in lib/lake/, the standard reports as named queries.
    this.lakeCatalog = new LakeCatalog(this, 'LakeCatalog', {
      name: `storefleet-${settings.stage}`,
      lakeBucket: this.dataLakeBucket,
      resultsBucket: this.queryResultsBucket,
      tables: lakeTables,
      namedQueries,
      bytesScannedCutoffPerQuery: DEFAULT_BYTES_SCANNED_CUTOFF,
      removalPolicy: settings.removalPolicy,
    });

    new CfnOutput(this, 'DataLakeBucketName', {
      value: this.dataLakeBucket.bucketName,
      description: 'Finance data lake (changes/, curated/, reports/)',
    });
    new CfnOutput(this, 'ImportsBucketName', {
      value: this.importsBucket.bucketName,
      description: 'Bulk import uploads and reports',
    });
    new CfnOutput(this, 'QueryResultsBucketName', {
      value: this.queryResultsBucket.bucketName,
      description: 'Athena query results',
    });
    new CfnOutput(this, 'EventBusName', {
      value: this.eventBus.eventBusName,
      description: 'Domain events bus',
    });
    new CfnOutput(this, 'TableName', { value: this.table.tableName, description: 'DynamoDB table name' });
    new CfnOutput(this, 'BackupVaultName', {
      value: this.tableBackup.vault.backupVaultName,
      description: "The table's AWS Backup vault (daily, and monthly in prod)",
    });
  }
}

/** The definition's projection as CDK's GSI props (the same mapping as the local table's). */
const projectionOf = (projection: IndexProjection) =>
  projection.type === 'INCLUDE'
    ? { projectionType: ProjectionType.INCLUDE, nonKeyAttributes: [...projection.attributes] }
    : { projectionType: ProjectionType[projection.type] };

/**
 * Built from TABLE_DEFINITION, like the local table, so key names cannot drift; with its indexes
 * as of the rollout step a deploy names (table-index-rollout.ts), the definition's without one.
 */
const createTable = (scope: Construct, settings: StageSettings, rolloutStep: number | undefined): Table => {
  const table = new Table(scope, 'Table', {
    partitionKey: keyAttribute(TABLE_DEFINITION.partitionKey),
    sortKey: keyAttribute(TABLE_DEFINITION.sortKey),
    billingMode: BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    stream: StreamViewType[TABLE_DEFINITION.stream],
    timeToLiveAttribute: TABLE_DEFINITION.timeToLiveAttribute,
    encryption: TableEncryption.AWS_MANAGED,
    deletionProtection: settings.retain,
    removalPolicy: settings.removalPolicy,
  });
  for (const index of indexesAtStep(rolloutStep)) {
    table.addGlobalSecondaryIndex({
      indexName: index.indexName,
      partitionKey: keyAttribute(index.partitionKey, 'S'),
      sortKey: keyAttribute(index.sortKey, index.sortKeyType),
      ...projectionOf(index.projection),
    });
  }
  return table;
};

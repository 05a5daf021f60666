import {
  type CfnTable,
  type Column,
  DataFormat,
  DateIntervalUnit,
  type IDatabase,
  PartitionProjectionConfiguration,
  S3Table,
  S3TableStorage,
  Schema,
  type Type,
} from 'aws-cdk-lib/aws-glue';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { LakeColumnType, LakePartitionKey, LakeTable } from '../../lib/lake/lake-table-types.js';

/** The first day Athena projects for `dt`: before any store used storefleet, so no day is missed. */
export const LAKE_FIRST_DAY = '2024-01-01';

const GLUE_TYPES: Record<LakeColumnType, Type> = {
  string: Schema.STRING,
  bigint: Schema.BIG_INT,
  int: Schema.INTEGER,
  double: Schema.DOUBLE,
  boolean: Schema.BOOLEAN,
  timestamp: Schema.TIMESTAMP,
  date: Schema.DATE,
};

const TABLE_NAME = /^[a-z][a-z0-9_]*$/;
const COLUMN_NAME = /^[a-z][a-z0-9_]*$/;

/**
 * Partition values are folder names (`dt=2026-12-01/`), so every key is a string column;
 * Athena projects them instead of reading partitions from Glue (no crawler, no MSCK REPAIR):
 * `entity` from its fixed list, `dt` as every day from LAKE_FIRST_DAY to today.
 */
const projectionOf = (key: LakePartitionKey): PartitionProjectionConfiguration =>
  key.type === 'date-string'
    ? PartitionProjectionConfiguration.date({
        min: LAKE_FIRST_DAY,
        max: 'NOW',
        format: 'yyyy-MM-dd',
        step: { interval: 1, intervalUnit: DateIntervalUnit.DAYS },
      })
    : PartitionProjectionConfiguration.enum({ values: [...key.values] });

/** `s3://<bucket>/<prefix>entity=${entity}/dt=${dt}/`: where Athena finds a projected partition. */
export const locationTemplate = (bucket: IBucket, table: LakeTable): string =>
  `s3://${bucket.bucketName}/${table.prefix}${table.partitionKeys.map(({ name }) => `${name}=\${${name}}/`).join('')}`;

/**
 * One Glue table from one LakeTable declaration, the same declaration the local DuckDB views
 * are built from. `changes` is gzipped NDJSON read by the OpenX JSON SerDe: its `old_image` /
 * `new_image` columns are typed string while each row holds a nested object there; the SerDe
 * renders an object read into a string column back to JSON text (Trino's OpenX reader: canonical
 * JSON; the Hive-era one: JSONObject.toString()), which Athena's json_extract reads. The curated
 * tables are Parquet.
 */
export const lakeGlueTable = (
  scope: Construct,
  id: string,
  props: { database: IDatabase; bucket: IBucket; table: LakeTable },
): S3Table => {
  const { database, bucket, table } = props;
  if (!TABLE_NAME.test(table.name))
    throw new Error(`Lake table name ${JSON.stringify(table.name)} must be snake_case (Athena folds case)`);
  if (!table.prefix.endsWith('/') || table.prefix.startsWith('/'))
    throw new Error(
      `Lake table ${table.name}: prefix ${JSON.stringify(table.prefix)} must be relative and end in /`,
    );
  const names = [...table.columns, ...table.partitionKeys].map(({ name }) => name);
  const folded = names.find((name) => !COLUMN_NAME.test(name));
  if (folded)
    throw new Error(`Lake table ${table.name}: column ${JSON.stringify(folded)} must be snake_case`);
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate) throw new Error(`Lake table ${table.name}: column ${duplicate} is declared twice`);

  const columns: Column[] = table.columns.map((column) => ({
    name: column.name,
    type: GLUE_TYPES[column.type],
    comment: column.description,
  }));
  const partitionKeys: Column[] = table.partitionKeys.map((key) => ({
    name: key.name,
    type: Schema.STRING,
    comment: key.description,
  }));
  const glueTable = new S3Table(scope, id, {
    database,
    tableName: table.name,
    description: table.description,
    storage: S3TableStorage.fromBucket(bucket),
    s3Prefix: table.prefix,
    columns,
    partitionKeys,
    dataFormat: table.format === 'json' ? DataFormat.JSON : DataFormat.PARQUET,
    // Gzipped NDJSON; Parquet compresses inside the file.
    compressed: table.format === 'json',
    // SSE-S3/SSE-KMS objects are decrypted by S3; this flag means client-side (CSE-KMS) data.
    hasEncryptedData: false,
    partitionProjection: Object.fromEntries(table.partitionKeys.map((key) => [key.name, projectionOf(key)])),
    parameters: { 'storage.location.template': locationTemplate(bucket, table) },
  });
  if (table.format === 'json') {
    // Case-sensitive keys: the Hive-era OpenX SerDe otherwise lower-cases every key while parsing,
    // nested ones too, and `new_image`'s JSON text would say `storeid` for the item's `storeId`.
    // The declared columns are all lower-case, so they still match the rows' keys.
    (glueTable.node.defaultChild as CfnTable).addPropertyOverride(
      'TableInput.StorageDescriptor.SerdeInfo.Parameters',
      { 'case.insensitive': 'FALSE' },
    );
  }
  return glueTable;
};

import { App, Size, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AccountRootPrincipal, Role } from 'aws-cdk-lib/aws-iam';
import { Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  LakeCatalog,
  type LakeCatalogProps,
  type LakeNamedQuery,
} from '../../infra/constructs/lake-catalog.js';
import { changesTable } from '../../lib/lake/changes-table.js';
import { LAKE_ENTITY_TYPES } from '../../lib/lake/lake-entities.js';
import type { LakeTable } from '../../lib/lake/lake-table-types.js';
import { lakeTables } from '../../lib/lake/lake-tables.js';
import { actionsOf, type CfnJson, logicalId, type PolicyStatement, statementsOfRole } from './synth.js';

/** A curated table shaped like part B's (Parquet, projected by day). */
const ordersFixture = {
  name: 'orders',
  description: 'One row per order, as of the end of its day',
  prefix: 'curated/orders/',
  format: 'parquet',
  partitionKeys: [{ name: 'dt', type: 'date-string', description: 'UTC day' }],
  columns: [
    { name: 'order_id', type: 'string', description: 'Order id' },
    { name: 'store_id', type: 'string', description: 'Store' },
    { name: 'total', type: 'bigint', description: 'Minor units' },
    { name: 'currency', type: 'string', description: 'ISO 4217' },
    { name: 'lines', type: 'int', description: 'Number of lines' },
    { name: 'placed_at', type: 'timestamp', description: 'UTC' },
    { name: 'business_day', type: 'date', description: 'Store day' },
    { name: 'discount_rate', type: 'double', description: 'Share' },
    { name: 'cancelled', type: 'boolean', description: 'Cancelled' },
  ],
} as const satisfies LakeTable;

const queries: LakeNamedQuery[] = [
  {
    name: 'sales-by-day',
    description: 'Net sales per store and day',
    sql: 'select dt, count(*) from orders group by dt',
  },
  {
    name: 'changes-today',
    description: 'Changes of today',
    sql: "select * from changes where dt = '2026-12-01'",
  },
];

interface Built {
  stack: Stack;
  template: Template;
  catalog: LakeCatalog;
  lakeId: string;
  resultsId: string;
}

const build = (overrides: Partial<LakeCatalogProps> = {}, kmsResults = false): Built => {
  const app = new App();
  const stack = new Stack(app, 'Bare');
  const lake = new Bucket(stack, 'Lake', { encryption: BucketEncryption.S3_MANAGED, enforceSSL: true });
  const results = new Bucket(stack, 'Results', {
    encryption: kmsResults ? BucketEncryption.KMS : BucketEncryption.S3_MANAGED,
    enforceSSL: true,
  });
  const catalog = new LakeCatalog(stack, 'Catalog', {
    name: 'storefleet-test',
    lakeBucket: lake,
    resultsBucket: results,
    tables: [changesTable, ordersFixture],
    namedQueries: queries,
    bytesScannedCutoffPerQuery: Size.gibibytes(10),
    ...overrides,
  });
  return {
    stack,
    template: Template.fromStack(stack),
    catalog,
    lakeId: logicalId(stack, lake),
    resultsId: logicalId(stack, results),
  };
};

const glueTable = (template: Template, name: string): CfnJson => {
  const found = Object.values(template.findResources('AWS::Glue::Table')).filter(
    (table: CfnJson) => table.Properties.TableInput.Name === name,
  );
  expect(found).toHaveLength(1);
  return found[0];
};

describe('LakeCatalog', () => {
  let built: Built;
  beforeAll(() => {
    built = build();
  });

  it('creates one Glue database named after the stage', () => {
    built.template.resourceCountIs('AWS::Glue::Database', 1);
    built.template.hasResourceProperties('AWS::Glue::Database', {
      DatabaseInput: { Name: 'storefleet_test_lake' },
    });
  });

  it('creates one external table per LakeTable, in the database, with exactly the declared columns', () => {
    built.template.resourceCountIs('AWS::Glue::Table', 2);
    const databaseId = logicalId(built.stack, built.catalog.database);
    for (const declared of [changesTable, ordersFixture] as LakeTable[]) {
      const table = glueTable(built.template, declared.name);
      expect(table.Properties.DatabaseName).toEqual({ Ref: databaseId });
      expect(table.Properties.TableInput.TableType).toBe('EXTERNAL_TABLE');
      expect(table.Properties.TableInput.StorageDescriptor.Columns).toEqual(
        declared.columns.map((column) => ({
          Name: column.name,
          Type: column.type,
          Comment: column.description,
        })),
      );
      expect(table.Properties.TableInput.PartitionKeys).toEqual(
        declared.partitionKeys.map((key) => ({ Name: key.name, Type: 'string', Comment: key.description })),
      );
      expect(table.Properties.TableInput.StorageDescriptor.Location).toEqual({
        'Fn::Join': ['', ['s3://', { Ref: built.lakeId }, `/${declared.prefix}`]],
      });
    }
  });

  it('reads the raw changes as gzipped NDJSON with the OpenX JSON SerDe', () => {
    const { StorageDescriptor, Parameters } = glueTable(built.template, 'changes').Properties.TableInput;
    expect(StorageDescriptor.SerdeInfo.SerializationLibrary).toBe('org.openx.data.jsonserde.JsonSerDe');
    expect(StorageDescriptor.InputFormat).toBe('org.apache.hadoop.mapred.TextInputFormat');
    expect(StorageDescriptor.Compressed).toBe(true);
    expect(Parameters.classification).toBe('json');
    // Keys keep their case, nested ones included (`$.storeId` in the images' JSON text).
    expect(StorageDescriptor.SerdeInfo.Parameters).toEqual({ 'case.insensitive': 'FALSE' });
    // The images are nested objects read into string columns (JSON text for json_extract).
    const types = Object.fromEntries(
      (StorageDescriptor.Columns as { Name: string; Type: string }[]).map((column) => [
        column.Name,
        column.Type,
      ]),
    );
    expect(types).toMatchObject({
      old_image: 'string',
      new_image: 'string',
      approximate_creation_time: 'timestamp',
    });
  });

  it('reads the curated tables as Parquet', () => {
    const { StorageDescriptor, Parameters } = glueTable(built.template, 'orders').Properties.TableInput;
    expect(StorageDescriptor.SerdeInfo.SerializationLibrary).toBe(
      'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe',
    );
    expect(StorageDescriptor.InputFormat).toBe(
      'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
    );
    expect(Parameters.classification).toBe('parquet');
    expect(StorageDescriptor.SerdeInfo.Parameters).toBeUndefined();
  });

  it('projects the changes partitions: entity from the lake entities, dt as every day since 2024', () => {
    const { Parameters } = glueTable(built.template, 'changes').Properties.TableInput;
    expect(Parameters).toMatchObject({
      'projection.enabled': 'true',
      'projection.entity.type': 'enum',
      'projection.entity.values': LAKE_ENTITY_TYPES.join(','),
      'projection.dt.type': 'date',
      'projection.dt.range': '2024-01-01,NOW',
      'projection.dt.format': 'yyyy-MM-dd',
      'projection.dt.interval': '1',
      'projection.dt.interval.unit': 'DAYS',
      'storage.location.template': {
        // biome-ignore lint/suspicious/noTemplateCurlyInString: Athena's placeholders, not JavaScript's.
        'Fn::Join': ['', ['s3://', { Ref: built.lakeId }, '/changes/entity=${entity}/dt=${dt}/']],
      },
    });
    // SSE data needs no flag; `true` would mean client-side encrypted objects.
    expect(Parameters.has_encrypted_data).toBe(false);
  });

  it('projects a curated table by day only', () => {
    const { Parameters } = glueTable(built.template, 'orders').Properties.TableInput;
    expect(Parameters).toMatchObject({
      'projection.enabled': 'true',
      'projection.dt.type': 'date',
      'projection.dt.range': '2024-01-01,NOW',
      'storage.location.template': {
        // biome-ignore lint/suspicious/noTemplateCurlyInString: Athena's placeholders, not JavaScript's.
        'Fn::Join': ['', ['s3://', { Ref: built.lakeId }, '/curated/orders/dt=${dt}/']],
      },
    });
    expect(Object.keys(Parameters).filter((key) => key.startsWith('projection.entity'))).toEqual([]);
  });

  it('has a workgroup whose configuration clients cannot override', () => {
    built.template.resourceCountIs('AWS::Athena::WorkGroup', 1);
    built.template.hasResourceProperties('AWS::Athena::WorkGroup', {
      Name: 'storefleet-test-finance',
      State: 'ENABLED',
      WorkGroupConfiguration: {
        EnforceWorkGroupConfiguration: true,
        PublishCloudWatchMetricsEnabled: true,
        BytesScannedCutoffPerQuery: 10 * 1024 ** 3,
        EngineVersion: { SelectedEngineVersion: 'Athena engine version 3' },
        ResultConfiguration: {
          OutputLocation: { 'Fn::Join': ['', ['s3://', { Ref: built.resultsId }, '/athena-results/']] },
          EncryptionConfiguration: { EncryptionOption: 'SSE_S3' },
          ExpectedBucketOwner: { Ref: 'AWS::AccountId' },
          AclConfiguration: { S3AclOption: 'BUCKET_OWNER_FULL_CONTROL' },
        },
      },
    });
    built.template.hasOutput('LakeWorkGroupName', { Value: 'storefleet-test-finance' });
    built.template.hasOutput('LakeDatabaseName', {
      Value: { Ref: logicalId(built.stack, built.catalog.database) },
    });
  });

  it('encrypts results with the results bucket’s KMS key when it has one', () => {
    const { template } = build({}, true);
    const keyId = Object.keys(template.findResources('AWS::KMS::Key'))[0];
    expect(keyId).toBeDefined();
    template.hasResourceProperties('AWS::Athena::WorkGroup', {
      WorkGroupConfiguration: {
        ResultConfiguration: {
          EncryptionConfiguration: { EncryptionOption: 'SSE_KMS', KmsKey: { 'Fn::GetAtt': [keyId, 'Arn'] } },
        },
      },
    });
  });

  it('saves every named query in the workgroup, against the database', () => {
    built.template.resourceCountIs('AWS::Athena::NamedQuery', queries.length);
    const databaseId = logicalId(built.stack, built.catalog.database);
    const workGroupId = built.stack.getLogicalId(built.catalog.workGroup);
    for (const query of queries) {
      built.template.hasResourceProperties('AWS::Athena::NamedQuery', {
        Name: query.name,
        Description: query.description,
        QueryString: query.sql,
        Database: { Ref: databaseId },
        WorkGroup: { Ref: workGroupId },
      });
    }
  });

  it('keeps the catalog when the stack goes, unless told otherwise', () => {
    for (const type of ['AWS::Glue::Database', 'AWS::Glue::Table', 'AWS::Athena::WorkGroup']) {
      for (const resource of Object.values(built.template.findResources(type)) as CfnJson[]) {
        expect(resource.DeletionPolicy).toBe('Retain');
      }
    }
  });

  it('has no cdk-nag finding', () => {
    const app = built.stack.node.root as App;
    const findings = new AwsSolutionsChecks(app)
      .validateScope(app)
      .violations.flatMap((violation) =>
        violation.violatingResources
          .map((resource) => `${violation.ruleName} at ${resource.constructPath}`)
          .filter((finding) => finding.includes('/Catalog/')),
      );
    expect(findings).toEqual([]);
  });

  it.each([
    ['a cutoff below Athena’s 10 MB minimum', { bytesScannedCutoffPerQuery: Size.mebibytes(5) }, /10 MB/],
    ['a name Athena and Glue cannot both take', { name: 'Storefleet_Dev' }, /lowercase/],
    ['a table declared twice', { tables: [changesTable, changesTable] }, /changes is declared twice/],
    [
      'a named query declared twice',
      { namedQueries: [queries[0], queries[0]] as LakeNamedQuery[] },
      /declared twice/,
    ],
    [
      'a named query with no SQL',
      { namedQueries: [{ name: 'empty', description: 'Nothing', sql: '  ' }] },
      /empty: SQL/,
    ],
    ['a table name Athena would fold', { tables: [{ ...ordersFixture, name: 'Orders' }] }, /snake_case/],
    [
      'a prefix that is not a folder',
      { tables: [{ ...ordersFixture, prefix: '/curated/orders/' as const }] },
      /prefix/,
    ],
    [
      'a column name the case-sensitive JSON SerDe would not match',
      {
        tables: [
          {
            ...changesTable,
            columns: [...changesTable.columns, { ...changesTable.columns[0], name: 'eventId' }],
          },
        ],
      },
      /"eventId" must be snake_case/,
    ],
    [
      'a column declared twice',
      { tables: [{ ...ordersFixture, columns: [...ordersFixture.columns, ordersFixture.columns[0]] }] },
      /order_id is declared twice/,
    ],
  ] as const)('refuses %s', (_, overrides, message) => {
    expect(() => build(overrides as Partial<LakeCatalogProps>)).toThrow(message);
  });

  it('needs nothing beyond Glue and Athena resources (no crawler, no partitions to add)', () => {
    expect(Object.keys(built.template.findResources('AWS::Glue::Crawler'))).toEqual([]);
    expect(Object.keys(built.template.findResources('AWS::Glue::Partition'))).toEqual([]);
  });

  it('builds the real lake: one projected table per lakeTables declaration, same columns and types', () => {
    const { template } = build({ tables: lakeTables });
    template.resourceCountIs('AWS::Glue::Table', lakeTables.length);
    for (const declared of lakeTables) {
      const { TableInput } = glueTable(template, declared.name).Properties;
      expect(
        (TableInput.StorageDescriptor.Columns as { Name: string; Type: string }[]).map(
          (column) => `${column.Name}:${column.Type}`,
        ),
      ).toEqual(declared.columns.map((column) => `${column.name}:${column.type}`));
      expect(TableInput.Parameters['projection.enabled']).toBe('true');
      expect(TableInput.Parameters['projection.dt.range']).toBe('2024-01-01,NOW');
      expect(TableInput.StorageDescriptor.SerdeInfo.SerializationLibrary).toBe(
        declared.format === 'json'
          ? 'org.openx.data.jsonserde.JsonSerDe'
          : 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe',
      );
    }
    expect(lakeTables.map(({ name }) => name)).toEqual(
      expect.arrayContaining([
        'changes',
        'orders',
        'order_lines',
        'payments',
        'refunds',
        'inventory_snapshot',
      ]),
    );
  });

  it('grants querying: this workgroup, this database’s tables, the tables’ prefixes, the results folder', () => {
    const app = new App();
    const stack = new Stack(app, 'Grants');
    const lake = new Bucket(stack, 'Lake', { encryption: BucketEncryption.S3_MANAGED });
    const results = new Bucket(stack, 'Results', { encryption: BucketEncryption.S3_MANAGED });
    const catalog = new LakeCatalog(stack, 'Catalog', {
      name: 'storefleet-test',
      lakeBucket: lake,
      resultsBucket: results,
      tables: [changesTable, ordersFixture],
      namedQueries: queries,
      bytesScannedCutoffPerQuery: Size.gibibytes(1),
    });
    const role = new Role(stack, 'Finance', { assumedBy: new AccountRootPrincipal() });
    catalog.grantQuery(role);
    const statements = statementsOfRole(Template.fromStack(stack), logicalId(stack, role));
    const resolved = statements.map((statement) => ({
      actions: actionsOf(statement),
      resources: JSON.stringify(stack.resolve(statement.Resource)),
    }));
    const athena = resolved.find(({ actions }) => actions.includes('athena:StartQueryExecution'));
    expect(athena?.resources).toContain(':workgroup/storefleet-test-finance');
    expect(
      resolved.flatMap(({ actions }) => actions).filter((action) => action.startsWith('athena:')),
    ).not.toContain('athena:*');
    const glue = resolved.find(({ actions }) => actions.includes('glue:GetTable'));
    for (const part of [':catalog', ':database/', ':table/', '/changes', '/orders'])
      expect(glue?.resources).toContain(part);
    expect(glue?.resources).not.toContain('*');

    const lakeId = logicalId(stack, lake);
    const resultsId = logicalId(stack, results);
    const objectReads = statements
      .filter((statement: PolicyStatement) =>
        actionsOf(statement).some((action) => action.startsWith('s3:GetObject')),
      )
      .map((statement) => JSON.stringify(stack.resolve(statement.Resource)));
    const lakeObjects = objectReads.join(' ');
    expect(lakeObjects).toContain(`"${lakeId}","Arn"]},"/changes/*"`);
    expect(lakeObjects).toContain(`"${lakeId}","Arn"]},"/curated/orders/*"`);
    expect(lakeObjects).not.toContain(`"${lakeId}","Arn"]},"/*"`);
    const writes = statements
      .filter((statement) => actionsOf(statement).includes('s3:PutObject'))
      .map((statement) => JSON.stringify(stack.resolve(statement.Resource)));
    expect(writes).toEqual([expect.stringContaining(`"${resultsId}","Arn"]},"/athena-results/*"`)]);
    expect(writes.join(' ')).not.toContain(lakeId);
  });
});

import { ArnFormat, Aws, CfnOutput, RemovalPolicy, Size, Stack } from 'aws-cdk-lib';
import { CfnNamedQuery, CfnWorkGroup } from 'aws-cdk-lib/aws-athena';
import { Database, type S3Table } from 'aws-cdk-lib/aws-glue';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { LakeTable } from '../../lib/lake/lake-table-types.js';
import { lakeGlueTable } from './lake-glue-table.js';

/** A saved query of the workgroup (lib/lake/named-queries.ts has the standard reports). */
export interface LakeNamedQuery {
  name: string;
  description: string;
  sql: string;
}

export interface LakeCatalogProps {
  /** Names the database (`<name>_lake`, snake_case) and the workgroup (`<name>-finance`), e.g. `storefleet-dev`. */
  name: string;
  /** The data-lake bucket the tables read (changes/, curated/). */
  lakeBucket: IBucket;
  /** Where every query of the workgroup writes its results; expire them there (lifecycle). */
  resultsBucket: IBucket;
  /** Every lake table, declared once in lib/lake/ (lakeTables). */
  tables: readonly LakeTable[];
  namedQueries: readonly LakeNamedQuery[];
  /** A query that would scan more is cancelled (and billed for what it scanned); Athena's minimum is 10 MB. */
  bytesScannedCutoffPerQuery: Size;
  /** Glue database and tables; the data itself stays in the lake bucket either way. */
  removalPolicy?: RemovalPolicy;
}

/**
 * A query of a few years of curated days reads well under this; one that would read more is
 * almost always missing its `dt` filter (docs/runbooks/lake-query-cutoff.md).
 */
export const DEFAULT_BYTES_SCANNED_CUTOFF = Size.gibibytes(10);
/** Athena refuses a smaller per-query cutoff. */
export const MIN_BYTES_SCANNED_CUTOFF = 10_000_000;
/** The folder of the results bucket the workgroup writes to. */
export const QUERY_RESULTS_PREFIX = 'athena-results/';

const NAME = /^[a-z][a-z0-9-]*$/;

/**
 * The finance lake as Athena sees it: a Glue database with one table per LakeTable (partition
 * projection, so new days and entities are queryable the moment their objects land), and a
 * workgroup whose settings clients cannot override — results only in the encrypted results
 * bucket, a cap on bytes scanned per query, CloudWatch metrics — holding the standard reports as
 * named queries.
 */
export class LakeCatalog extends Construct {
  readonly database: Database;
  /** By LakeTable name. */
  readonly tables: Record<string, S3Table>;
  readonly workGroup: CfnWorkGroup;
  readonly workGroupName: string;
  /** By named query name. */
  readonly namedQueries: Record<string, CfnNamedQuery>;
  private readonly props: LakeCatalogProps;

  constructor(scope: Construct, id: string, props: LakeCatalogProps) {
    super(scope, id);
    validate(props);
    this.props = props;
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;

    this.database = new Database(this, 'Database', {
      databaseName: `${props.name.replaceAll('-', '_')}_lake`,
      description: 'storefleet finance lake: raw changes and curated tables (README, "Finance")',
      removalPolicy,
    });
    this.tables = Object.fromEntries(
      props.tables.map((table) => {
        const glueTable = lakeGlueTable(this, `Table-${table.name}`, {
          database: this.database,
          bucket: props.lakeBucket,
          table,
        });
        glueTable.applyRemovalPolicy(removalPolicy);
        return [table.name, glueTable];
      }),
    );

    this.workGroupName = `${props.name}-finance`;
    const kmsKey = props.resultsBucket.encryptionKey;
    this.workGroup = new CfnWorkGroup(this, 'WorkGroup', {
      name: this.workGroupName,
      description: 'storefleet finance: queries over the lake, results in the encrypted results bucket',
      state: 'ENABLED',
      // Deleting the stack's workgroup also drops its query history (results stay in the bucket).
      recursiveDeleteOption: true,
      workGroupConfiguration: {
        enforceWorkGroupConfiguration: true,
        publishCloudWatchMetricsEnabled: true,
        bytesScannedCutoffPerQuery: props.bytesScannedCutoffPerQuery.toBytes(),
        requesterPaysEnabled: false,
        engineVersion: { selectedEngineVersion: 'Athena engine version 3' },
        resultConfiguration: {
          outputLocation: `s3://${props.resultsBucket.bucketName}/${QUERY_RESULTS_PREFIX}`,
          expectedBucketOwner: Aws.ACCOUNT_ID,
          aclConfiguration: { s3AclOption: 'BUCKET_OWNER_FULL_CONTROL' },
          encryptionConfiguration: kmsKey
            ? { encryptionOption: 'SSE_KMS', kmsKey: kmsKey.keyArn }
            : { encryptionOption: 'SSE_S3' },
        },
      },
    });
    this.workGroup.applyRemovalPolicy(removalPolicy);

    this.namedQueries = Object.fromEntries(
      props.namedQueries.map((query) => {
        const named = new CfnNamedQuery(this, `Query-${query.name}`, {
          name: query.name,
          description: query.description,
          queryString: query.sql,
          database: this.database.databaseName,
          // Ref of a workgroup is its name; it also orders creation after the workgroup.
          workGroup: this.workGroup.ref,
        });
        return [query.name, named];
      }),
    );

    // Plain output names (README, "Finance"), not construct-path ones: one catalog per stack.
    new CfnOutput(this, 'DatabaseName', {
      value: this.database.databaseName,
      description: 'Glue database of the finance lake (Athena: choose it, or prefix table names)',
    }).overrideLogicalId('LakeDatabaseName');
    new CfnOutput(this, 'WorkGroupName', {
      value: this.workGroupName,
      description: 'Athena workgroup for finance queries (aws athena start-query-execution --work-group ...)',
    }).overrideLogicalId('LakeWorkGroupName');
  }

  /**
   * What running queries in this workgroup takes, and nothing more: Athena on this workgroup
   * only, Glue reads of this database and its tables, S3 reads of the tables' prefixes, and the
   * workgroup's results folder (read and write). For finance's IAM role or permission set.
   */
  grantQuery(grantee: IGrantable): Grant {
    const stack = Stack.of(this);
    const workGroupArn = stack.formatArn({
      service: 'athena',
      resource: 'workgroup',
      resourceName: this.workGroupName,
    });
    const glueArn = (resource: string, resourceName: string) =>
      stack.formatArn({ service: 'glue', resource, resourceName });
    const database = this.database.databaseName;
    const athena = Grant.addToPrincipal({
      grantee,
      actions: [
        'athena:StartQueryExecution',
        'athena:StopQueryExecution',
        'athena:GetQueryExecution',
        'athena:GetQueryResults',
        'athena:GetQueryResultsStream',
        'athena:ListQueryExecutions',
        'athena:BatchGetQueryExecution',
        'athena:GetWorkGroup',
        'athena:ListNamedQueries',
        'athena:GetNamedQuery',
        'athena:BatchGetNamedQuery',
      ],
      resourceArns: [workGroupArn],
    });
    Grant.addToPrincipal({
      grantee,
      actions: [
        'glue:GetDatabase',
        'glue:GetTable',
        'glue:GetTables',
        'glue:GetPartition',
        'glue:GetPartitions',
      ],
      resourceArns: [
        stack.formatArn({ service: 'glue', resource: 'catalog', arnFormat: ArnFormat.NO_RESOURCE_NAME }),
        glueArn('database', database),
        ...this.props.tables.map((table) => glueArn('table', `${database}/${table.name}`)),
      ],
    });
    for (const prefix of [...new Set(this.props.tables.map((table) => table.prefix))])
      this.props.lakeBucket.grantRead(grantee, `${prefix}*`);
    this.props.resultsBucket.grantReadWrite(grantee, `${QUERY_RESULTS_PREFIX}*`);
    return athena;
  }
}

const validate = (props: LakeCatalogProps): void => {
  if (!NAME.test(props.name))
    throw new Error(`LakeCatalog name ${JSON.stringify(props.name)}: lowercase letters, digits and dashes`);
  const cutoff = props.bytesScannedCutoffPerQuery.toBytes();
  if (cutoff < MIN_BYTES_SCANNED_CUTOFF)
    throw new Error(`bytesScannedCutoffPerQuery is ${cutoff} bytes; Athena's minimum is 10 MB`);
  const tableNames = props.tables.map(({ name }) => name);
  const twiceTable = tableNames.find((name, index) => tableNames.indexOf(name) !== index);
  if (twiceTable) throw new Error(`Lake table ${twiceTable} is declared twice`);
  const queryNames = props.namedQueries.map(({ name }) => name);
  const twiceQuery = queryNames.find((name, index) => queryNames.indexOf(name) !== index);
  if (twiceQuery) throw new Error(`Named query ${twiceQuery} is declared twice`);
  for (const query of props.namedQueries) {
    // Athena's limits for a named query.
    if (query.name.length < 1 || query.name.length > 128)
      throw new Error(`Named query name ${JSON.stringify(query.name)} must be 1 to 128 characters`);
    if (query.description.length < 1 || query.description.length > 1024)
      throw new Error(`Named query ${query.name}: description must be 1 to 1024 characters`);
    if (query.sql.trim() === '' || query.sql.length > 262_144)
      throw new Error(`Named query ${query.name}: SQL must be 1 to 262144 characters`);
  }
};

/**
 * A table of the finance lake, declared once in code: CDK builds its Glue table (Athena) from
 * it and the local query engine (DuckDB) its view, so the two always have the same columns.
 */

/** Column types in Athena/Glue (Hive DDL) spelling; the DuckDB view maps each. */
export type LakeColumnType = 'string' | 'bigint' | 'int' | 'double' | 'boolean' | 'timestamp' | 'date';

export interface LakeColumn {
  name: string;
  type: LakeColumnType;
  description: string;
}

/** A partition key; its values come from the object key (`<name>=<value>/`), projected in Athena. */
export type LakePartitionKey =
  | { name: 'dt'; type: 'date-string'; description: string }
  | { name: string; type: 'enum'; values: readonly string[]; description: string };

export interface LakeTable {
  /** Glue table and DuckDB view name (snake_case). */
  name: string;
  description: string;
  /** Key prefix under the data-lake bucket, ending in `/` (e.g. `changes/`, `curated/orders/`). */
  prefix: `${string}/`;
  /** `json`: gzipped NDJSON (the raw changes); `parquet`: the curated tables. */
  format: 'json' | 'parquet';
  /** In the order the object keys nest them: `entity=<E>/dt=<D>/`. */
  partitionKeys: readonly LakePartitionKey[];
  columns: readonly LakeColumn[];
}

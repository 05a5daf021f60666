import { changesTable } from './changes-table.js';
import { curatedTables } from './curated-tables.js';
import type { LakeTable } from './lake-table-types.js';

/**
 * Every table of the finance lake: the raw changes and the curated tables. CDK builds one Glue
 * table from each (Athena) and the local query engine one DuckDB view, with the same columns.
 */
export const lakeTables: readonly LakeTable[] = [changesTable, ...curatedTables];

export const lakeTable = (name: string): LakeTable | undefined =>
  lakeTables.find((table) => table.name === name);

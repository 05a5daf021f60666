import { parquetReadObjects } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { readFlatParquet } from '../../../lib/lake/flat-parquet-reader.js';
import {
  type FlatColumnElement,
  type FlatValue,
  writeFlatParquet,
} from '../../../lib/lake/flat-parquet-writer.js';

/** A small deterministic generator (mulberry32), so a failure reproduces. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const TEXTS = [
  '',
  'a',
  'AUD',
  'st_a',
  'Zürich',
  '東京',
  '😀 emoji',
  'ÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿ',
  'x'.repeat(40),
  '\uffff\uffff\uffff\uffff\uffff\uffff',
];

const ELEMENTS: FlatColumnElement[] = [
  { name: 's', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
  { name: 'i64', type: 'INT64', repetition_type: 'OPTIONAL' },
  { name: 'i32', type: 'INT32', repetition_type: 'OPTIONAL' },
  { name: 'd', type: 'DOUBLE', repetition_type: 'OPTIONAL' },
  { name: 'b', type: 'BOOLEAN', repetition_type: 'OPTIONAL' },
  { name: 'ts', type: 'INT64', converted_type: 'TIMESTAMP_MILLIS', repetition_type: 'OPTIONAL' },
  { name: 'day', type: 'INT32', converted_type: 'DATE', repetition_type: 'OPTIONAL' },
  { name: 'rs', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
  { name: 'ri64', type: 'INT64', repetition_type: 'REQUIRED' },
];

const value = (next: () => number, element: FlatColumnElement, distinct: number): FlatValue => {
  if (element.repetition_type === 'OPTIONAL' && next() < 0.2) return null;
  const pick = Math.floor(next() * distinct);
  switch (element.name) {
    case 's':
    case 'rs':
      return pick < TEXTS.length ? (TEXTS[pick] as string) : `text-${pick}-${'é'.repeat(pick % 9)}`;
    case 'i64':
    case 'ri64':
      return BigInt(pick * 1_000_003 - 500);
    case 'i32':
      return pick - 50;
    case 'd':
      return [0, -0, 1.5, -2.25, Number.NaN][pick % 5] ?? pick / 7;
    case 'b':
      return pick % 2 === 0;
    case 'ts':
      return new Date(Date.UTC(2026, 0, 1) + pick * 60_000);
    default:
      return 20_000 + pick;
  }
};

const compare = (columns: FlatColumnElement[], data: FlatValue[][], rowGroupSize: number) => {
  const options = { rowGroupSize, createdBy: 'storefleet test', kvMetadata: [{ key: 'k', value: 'v' }] };
  const ours = new Uint8Array(writeFlatParquet({ columns, data, ...options }));
  const theirs = new Uint8Array(
    parquetWriteBuffer({
      schema: [{ name: 'root', num_children: columns.length }, ...columns],
      columnData: columns.map((column, index) => ({ name: column.name, data: data[index] as never })),
      codec: 'SNAPPY',
      ...options,
    }),
  );
  expect(Buffer.from(ours).equals(Buffer.from(theirs))).toBe(true);
  return ours;
};

/** What hyparquet reads from the file, absent values as null (as the flat reader gives them). */
const hyparquetRows = async (bytes: Uint8Array) =>
  (
    (await parquetReadObjects({
      file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    })) as Record<string, unknown>[]
  ).map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value ?? null])));

const CASES = [
  { rows: 0, distinct: 5, rowGroupSize: 100_000 },
  { rows: 1, distinct: 5, rowGroupSize: 100_000 },
  { rows: 17, distinct: 3, rowGroupSize: 100_000 },
  { rows: 300, distinct: 4, rowGroupSize: 100_000 },
  { rows: 300, distinct: 1000, rowGroupSize: 100_000 },
  { rows: 2_500, distinct: 60, rowGroupSize: 1_000 },
];

const generated = ({ rows, distinct }: { rows: number; distinct: number }) => {
  const next = random(rows * 31 + distinct);
  return ELEMENTS.map((element) => Array.from({ length: rows }, () => value(next, element, distinct)));
};

const BIG_COLUMNS: FlatColumnElement[] = [
  { name: 'big', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
  { name: 'n', type: 'INT64', repetition_type: 'OPTIONAL' },
];
const bigData = (): FlatValue[][] => [
  Array.from({ length: 12_000 }, (_, i) => (i % 13 === 0 ? null : `${i}:${'ab'.repeat(60)}`)),
  Array.from({ length: 12_000 }, (_, i) => BigInt(i)),
];

// The lake's and the report files' bytes must not change with the writer (docs/performance.md).
describe("the flat Parquet writer writes hyparquet-writer's bytes", () => {
  it.each(CASES)('for $rows rows of $distinct distinct values, row groups of $rowGroupSize', (test) => {
    compare(ELEMENTS, generated(test), test.rowGroupSize);
  });

  it('for a column of more than one page (an offset index)', () => {
    compare(BIG_COLUMNS, bigData(), 100_000);
  });
});

describe('the flat Parquet reader reads what hyparquet reads', () => {
  it.each(CASES)('for $rows rows of $distinct distinct values, row groups of $rowGroupSize', async (test) => {
    const bytes = compare(ELEMENTS, generated(test), test.rowGroupSize);
    expect(readFlatParquet(bytes)).toEqual(await hyparquetRows(bytes));
  });

  it('for a column of more than one page', async () => {
    const bytes = compare(BIG_COLUMNS, bigData(), 100_000);
    expect(readFlatParquet(bytes)).toEqual(await hyparquetRows(bytes));
  });

  it('refuses what the lake never writes rather than guess', () => {
    const columnData = [
      { name: 'n', data: [1n, 2n, 3n], type: 'INT64' as const, encoding: 'DELTA_BINARY_PACKED' as const },
    ];
    expect(() => readFlatParquet(new Uint8Array(parquetWriteBuffer({ columnData })))).toThrow(
      /encoding DELTA_BINARY_PACKED/,
    );
    const uncompressed = parquetWriteBuffer({
      columnData: [{ name: 'n', data: [1n], type: 'INT64' }],
      codec: 'UNCOMPRESSED',
    });
    expect(() => readFlatParquet(new Uint8Array(uncompressed))).toThrow(/codec/);
    expect(() => readFlatParquet(new Uint8Array([1, 2, 3]))).toThrow(/PAR1/);
  });
});

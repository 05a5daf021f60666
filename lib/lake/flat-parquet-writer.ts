/**
 * hyparquet-writer's `parquetWriteBuffer`, cut down to what the lake and the report files write:
 * flat columns (REQUIRED or OPTIONAL) of BYTE_ARRAY/UTF8, INT32 (DATE), INT64 (TIMESTAMP_MILLIS),
 * DOUBLE and BOOLEAN, SNAPPY, statistics on, offset index only, no column index or bloom filter.
 * It writes the same bytes as hyparquet-writer 0.17.0 does for those inputs (checked against it by
 * test/unit/lake/flat-parquet.test.ts), so the files, and Athena's and DuckDB's view of
 * them, are unchanged. Why: the package's entry reaches, through static imports, code for options
 * no storefleet file uses (variant and geospatial types, bloom filters, delta and byte-stream-split
 * encodings, nested columns, schema inference): ~40 KiB of each writer's bundle. The leaf modules it
 * keeps (byte writer, thrift, plain, RLE, snappy, offset index) are the package's own, imported by
 * their documented `src/*.js` subpaths; what is ported here is column.js, datapage.js,
 * dictionary.js, metadata.js and the parts of unconvert.js those types use (MIT, Hyperparam).
 * docs/performance.md, "Import, lake and event functions".
 */
import type { ColumnChunk, OffsetIndex, SchemaElement } from 'hyparquet';
import {
  CompressionCodecs,
  ConvertedTypes,
  Encodings,
  FieldRepetitionTypes,
  PageTypes,
  ParquetTypes,
} from 'hyparquet/src/constants.js';
import { ByteWriter } from 'hyparquet-writer/src/bytewriter.js';
import { writeRleBitPackedHybrid } from 'hyparquet-writer/src/encoding.js';
import { writeIndexes } from 'hyparquet-writer/src/indexes.js';
import { writePlain } from 'hyparquet-writer/src/plain.js';
import { snappyCompress } from 'hyparquet-writer/src/snappy.js';
import { serializeTCompactProtocol } from 'hyparquet-writer/src/thrift.js';

export type FlatType = 'BYTE_ARRAY' | 'INT32' | 'INT64' | 'DOUBLE' | 'BOOLEAN';

/** A leaf column of the flat schema (the root element is added by the writer). */
export interface FlatColumnElement {
  name: string;
  type: FlatType;
  converted_type?: 'UTF8' | 'DATE' | 'TIMESTAMP_MILLIS';
  repetition_type: 'REQUIRED' | 'OPTIONAL';
}

/** A column's values: strings, numbers, bigints, booleans, Dates (TIMESTAMP_MILLIS), null. */
export type FlatValue = string | number | bigint | boolean | Date | null | undefined;

export interface FlatParquetOptions {
  columns: readonly FlatColumnElement[];
  /** One array per column, in the order of `columns`, all of one length. */
  data: readonly (readonly FlatValue[])[];
  rowGroupSize: number;
  createdBy: string;
  kvMetadata?: readonly { key: string; value: string }[];
}

// biome-ignore lint/suspicious/noExplicitAny: values as hyparquet-writer's encoders take them
type Values = any[];
type Statistic = string | number | bigint | boolean | Uint8Array;

const PAGE_SIZE = 1_048_576;
const STATS_TRUNCATE_LENGTH = 16;
const DAY_MILLIS = 86_400_000;
const encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

// --- unconvert.js: rich values to physical ones, and statistics' bytes ---------------------------

const unconvert = (element: FlatColumnElement, values: Values): Values => {
  if (element.converted_type === 'DATE')
    return Array.from(values, (v) => (v instanceof Date ? Math.floor(v.getTime() / DAY_MILLIS) : v));
  if (element.converted_type === 'TIMESTAMP_MILLIS')
    return Array.from(values, (v) =>
      v === null || v === undefined ? v : v instanceof Date ? BigInt(v.getTime()) : BigInt(v),
    );
  if (element.converted_type === 'UTF8')
    return values.map((v) => (typeof v === 'string' ? encoder.encode(v) : v));
  return values;
};

const truncateBytes = (bytes: Uint8Array, isMax: boolean, length: number): Uint8Array | undefined => {
  const prefix = new Uint8Array(bytes.subarray(0, length));
  if (!isMax) return prefix;
  let i = prefix.length - 1;
  while (i >= 0 && prefix[i] === 0xff) i--;
  if (i < 0) return undefined;
  const rounded = prefix.slice(0, i + 1);
  rounded[i] = (rounded[i] as number) + 1;
  return rounded;
};

const truncateUtf8 = (bytes: Uint8Array, isMax: boolean, length: number): Uint8Array | undefined => {
  let end = length;
  while (end > 0 && ((bytes[end] as number) & 0xc0) === 0x80) end--;
  if (!isMax) return new Uint8Array(bytes.subarray(0, end));
  let text: string;
  try {
    text = utf8Decoder.decode(bytes.subarray(0, end));
  } catch {
    return truncateBytes(bytes, isMax, length);
  }
  const codePoints = Array.from(text, (c) => c.codePointAt(0) ?? 0);
  for (let i = codePoints.length - 1; i >= 0; i--) {
    end--;
    while (end > 0 && ((bytes[end] as number) & 0xc0) === 0x80) end--;
    const code = codePoints[i] as number;
    if (code === 0x10ffff) continue;
    const suffix = encoder.encode(String.fromCodePoint(code === 0xd7ff ? 0xe000 : code + 1));
    if (end + suffix.length > length) continue;
    const rounded = new Uint8Array(end + suffix.length);
    rounded.set(bytes.subarray(0, end));
    rounded.set(suffix, end);
    return rounded;
  }
  return undefined;
};

/** Every BYTE_ARRAY bound of these columns is truncatable; UTF8 ones on code point boundaries. */
const truncateStatistic = (
  bytes: Uint8Array,
  element: FlatColumnElement,
  isMax: boolean,
  length: number,
): Uint8Array => {
  if (bytes.length <= length || element.type !== 'BYTE_ARRAY') return bytes;
  const truncated =
    element.converted_type === 'UTF8'
      ? truncateUtf8(bytes, isMax, length)
      : truncateBytes(bytes, isMax, length);
  return truncated ?? bytes;
};

const littleEndian = (size: 4 | 8, set: (view: DataView) => void): Uint8Array => {
  const buffer = new ArrayBuffer(size);
  set(new DataView(buffer));
  return new Uint8Array(buffer);
};

const minMaxBytes = (
  value: Statistic | undefined,
  element: FlatColumnElement,
  isMax: boolean,
): Uint8Array | undefined => {
  if (value === undefined || value === null) return undefined;
  const { type } = element;
  if (type === 'BOOLEAN') return new Uint8Array([value ? 1 : 0]);
  if (type === 'BYTE_ARRAY') {
    const bytes = value instanceof Uint8Array ? value : encoder.encode(value.toString());
    return truncateStatistic(bytes, element, isMax, STATS_TRUNCATE_LENGTH);
  }
  if (type === 'DOUBLE' && typeof value === 'number')
    return littleEndian(8, (view) => view.setFloat64(0, value, true));
  if (type === 'INT32' && typeof value === 'number')
    return littleEndian(4, (view) => view.setInt32(0, value, true));
  if (
    type === 'INT64' &&
    (typeof value === 'bigint' || (typeof value === 'number' && Number.isInteger(value)))
  )
    return littleEndian(8, (view) => view.setBigInt64(0, BigInt(value), true));
  throw new Error(`unsupported type for statistics: ${type} with value ${String(value)}`);
};

const minMaxIsExact = (
  value: Statistic | undefined,
  element: FlatColumnElement,
  isMax: boolean,
): false | undefined => {
  if (value === undefined || value === null || element.type !== 'BYTE_ARRAY') return undefined;
  const bytes = value instanceof Uint8Array ? value : encoder.encode(value.toString());
  return truncateStatistic(bytes, element, isMax, STATS_TRUNCATE_LENGTH) === bytes ? undefined : false;
};

// --- column.js: statistics ----------------------------------------------------------------------

interface Statistics {
  min_value: Statistic | undefined;
  max_value: Statistic | undefined;
  null_count: bigint;
  nan_count: bigint | undefined;
}

const codePointAt = (text: string, i: number): number => {
  const code = text.codePointAt(i) ?? 0xfffd;
  return code >= 0xd800 && code <= 0xdfff ? 0xfffd : code;
};

/** UTF-8 byte order (code point order), not JavaScript's UTF-16 order. */
const compareStrings = (left: string, right: string): number => {
  if (left === right) return 0;
  const length = Math.min(left.length, right.length);
  let i = 0;
  while (i < length && left.charCodeAt(i) === right.charCodeAt(i)) i++;
  if (i > 0) {
    const previous = left.charCodeAt(i - 1);
    if (previous >= 0xd800 && previous <= 0xdbff) i--;
  }
  while (i < left.length && i < right.length) {
    const a = codePointAt(left, i);
    const b = codePointAt(right, i);
    if (a !== b) return a - b;
    i += a > 0xffff ? 2 : 1;
  }
  return left.length - right.length;
};

const compareValues = (left: Statistic, right: Statistic): number => {
  if (left instanceof Uint8Array && right instanceof Uint8Array) {
    const length = Math.min(left.length, right.length);
    for (let i = 0; i < length; i += 1)
      if (left[i] !== right[i]) return (left[i] as number) - (right[i] as number);
    return left.length - right.length;
  }
  if (typeof left === 'string' && typeof right === 'string') return compareStrings(left, right);
  if (left < right) return -1;
  if (left > right) return 1;
  return 0;
};

const statisticsOf = (values: Values, element: FlatColumnElement): Statistics => {
  let min_value: Statistic | undefined;
  let max_value: Statistic | undefined;
  let null_count = 0n;
  let nan_count = element.type === 'DOUBLE' ? 0n : undefined;
  for (const value of values) {
    if (value === null || value === undefined) {
      null_count++;
      continue;
    }
    const statistic: Statistic =
      value instanceof Date && (element.type === 'INT32' || element.type === 'INT64')
        ? unconvert(element, [value])[0]
        : value;
    if (typeof statistic === 'number' && Number.isNaN(statistic)) {
      if (nan_count !== undefined) nan_count++;
      continue;
    }
    if (min_value === undefined || compareValues(statistic, min_value) < 0) min_value = statistic;
    if (max_value === undefined || compareValues(statistic, max_value) > 0) max_value = statistic;
  }
  if (min_value === 0) min_value = -0;
  if (max_value === 0) max_value = 0;
  return { min_value, max_value, null_count, nan_count };
};

// --- dictionary.js ------------------------------------------------------------------------------

const estimateValueSize = (value: unknown, type: FlatType): number => {
  if (value === null || value === undefined) return 0;
  if (type === 'BOOLEAN') return 0.125;
  if (type === 'INT32') return 4;
  if (type === 'INT64' || type === 'DOUBLE') return 8;
  if (type === 'BYTE_ARRAY') {
    if (value instanceof Uint8Array) return value.byteLength;
    if (typeof value === 'string') return value.length;
  }
  return 0;
};

const hashBytes = (bytes: Uint8Array): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i] as number;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
};

const bytesEqual = (a: Uint8Array, b: Uint8Array): boolean => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

const SAMPLE_REJECTION_RATIO = 0.9;

/** A dictionary when it at least halves the PLAIN bytes (hyparquet-writer's automatic choice). */
const dictionaryOf = (
  values: Values,
  type: FlatType,
  required: boolean,
): { dictionary?: Values; indexes?: Values } => {
  if (type === 'BOOLEAN') return {};
  const prefixSize = type === 'BYTE_ARRAY' ? 4 : 0;
  const sampleSize = Math.min(values.length, 1000);
  const sampleSizes = new Map<unknown, number>();
  const sampleHashes = new Map<Uint8Array, number>();
  let sampleDictionarySize = 0;
  let sampleTotalSize = 0;
  for (let i = 0; i < sampleSize; i++) {
    const sampleIndex = sampleSize === 1 ? 0 : Math.floor((i * (values.length - 1)) / (sampleSize - 1));
    const value = values[sampleIndex];
    let key: unknown = value;
    if (value instanceof Uint8Array) {
      key = sampleHashes.get(value);
      if (key === undefined) {
        key = hashBytes(value);
        sampleHashes.set(value, key as number);
      }
    }
    let valueSize = sampleSizes.get(key);
    if (valueSize === undefined) {
      valueSize = estimateValueSize(value, type) + (value === null || value === undefined ? 0 : prefixSize);
      sampleSizes.set(key, valueSize);
      sampleDictionarySize += valueSize;
    }
    sampleTotalSize += valueSize;
  }
  if (!sampleTotalSize || sampleDictionarySize / sampleTotalSize > SAMPLE_REJECTION_RATIO) return {};

  const dictionary: Values = [];
  const indexes: Values = new Array(values.length);
  const valueIndex = new Map<unknown, number>();
  const valueSizes: number[] = [];
  const hashBuckets = new Map<number, number[]>();
  let dictSize = 0;
  let totalSize = 0;
  let nonNullCount = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null || value === undefined) {
      if (required) throw new Error('parquet required value is undefined');
      continue;
    }
    nonNullCount++;
    let index: number | undefined;
    if (value instanceof Uint8Array) {
      totalSize += value.byteLength;
      index = valueIndex.get(value);
      if (index !== undefined) {
        indexes[i] = index;
        continue;
      }
      const hash = hashBytes(value);
      const bucket = hashBuckets.get(hash);
      if (bucket)
        for (const j of bucket)
          if (bytesEqual(dictionary[j], value)) {
            index = j;
            break;
          }
      if (index === undefined) {
        dictSize += value.byteLength;
        index = dictionary.length;
        dictionary.push(value);
        if (bucket) bucket.push(index);
        else hashBuckets.set(hash, [index]);
      }
      valueIndex.set(value, index);
    } else {
      index = valueIndex.get(value);
      const valueSize = index === undefined ? estimateValueSize(value, type) : (valueSizes[index] as number);
      totalSize += valueSize;
      if (index === undefined) {
        dictSize += valueSize;
        index = dictionary.length;
        dictionary.push(value);
        valueSizes[index] = valueSize;
        valueIndex.set(value, index);
      }
    }
    indexes[i] = index;
  }
  const bitWidth = Math.ceil(Math.log2(dictionary.length));
  const indexSize = Math.ceil((nonNullCount * bitWidth) / 8);
  const plainSize = totalSize + nonNullCount * prefixSize;
  const dictionaryValueSize = dictSize + dictionary.length * prefixSize;
  if (2 * (dictionaryValueSize + indexSize) > plainSize) return {};
  return { dictionary, indexes };
};

// --- datapage.js --------------------------------------------------------------------------------

interface PageHeader {
  type: 'DATA_PAGE_V2' | 'DICTIONARY_PAGE';
  uncompressed_page_size: number;
  compressed_page_size: number;
  dictionary_page_header?: { num_values: number; encoding: string };
  data_page_header_v2?: {
    num_values: number;
    num_nulls: number;
    num_rows: number;
    encoding: string;
    definition_levels_byte_length: number;
    repetition_levels_byte_length: number;
  };
}

const writePageHeader = (writer: ByteWriter, header: PageHeader): void => {
  const v2 = header.data_page_header_v2;
  serializeTCompactProtocol(writer, {
    field_1: PageTypes.indexOf(header.type),
    field_2: header.uncompressed_page_size,
    field_3: header.compressed_page_size,
    field_7: header.dictionary_page_header && {
      field_1: header.dictionary_page_header.num_values,
      field_2: Encodings.indexOf(header.dictionary_page_header.encoding as never),
    },
    field_8: v2 && {
      field_1: v2.num_values,
      field_2: v2.num_nulls,
      field_3: v2.num_rows,
      field_4: Encodings.indexOf(v2.encoding as never),
      field_5: v2.definition_levels_byte_length,
      field_6: v2.repetition_levels_byte_length,
      // is_compressed defaults to true, and every page is (SNAPPY)
    },
  });
};

const writeDictionaryPage = (writer: ByteWriter, element: FlatColumnElement, dictionary: Values): number => {
  const page = new ByteWriter();
  writePlain(page, dictionary, element.type, undefined);
  const bytes = page.getBytes();
  const compressed = snappyCompress(bytes);
  const headerStart = writer.offset;
  writePageHeader(writer, {
    type: 'DICTIONARY_PAGE',
    uncompressed_page_size: bytes.byteLength,
    compressed_page_size: compressed.byteLength,
    dictionary_page_header: { num_values: dictionary.length, encoding: 'PLAIN' },
  });
  const headerSize = writer.offset - headerStart;
  writer.appendBytes(compressed);
  return headerSize + bytes.byteLength;
};

/** One DATA_PAGE_V2 of a flat column: definition levels when optional, then the values. */
const writeDataPage = (
  writer: ByteWriter,
  element: FlatColumnElement,
  encoding: 'PLAIN' | 'RLE' | 'RLE_DICTIONARY',
  values: Values,
  definitionLevels: number[],
  maxDefinitionLevel: number,
): number => {
  const levels = new ByteWriter();
  let numNulls = 0;
  for (const level of definitionLevels) if (level < maxDefinitionLevel) numNulls++;
  const definitionLevelsLength = maxDefinitionLevel
    ? writeRleBitPackedHybrid(levels, definitionLevels, 1)
    : 0;
  const nonnull = numNulls ? values.filter((v) => v !== null && v !== undefined) : values;

  const page = new ByteWriter();
  if (encoding === 'PLAIN') writePlain(page, nonnull, element.type, undefined);
  else if (encoding === 'RLE') {
    const rle = new ByteWriter();
    writeRleBitPackedHybrid(rle, nonnull, 1);
    page.appendUint32(rle.offset);
    page.appendBytes(rle.getBytes());
  } else {
    let maxValue = 0;
    for (const v of nonnull) if (v > maxValue) maxValue = v;
    const bitWidth = Math.ceil(Math.log2(maxValue + 1));
    page.appendUint8(bitWidth);
    writeRleBitPackedHybrid(page, nonnull, bitWidth);
  }
  const pageBytes = page.getBytes();
  const compressed = snappyCompress(pageBytes);
  const headerStart = writer.offset;
  writePageHeader(writer, {
    type: 'DATA_PAGE_V2',
    uncompressed_page_size: levels.offset + page.offset,
    compressed_page_size: levels.offset + compressed.length,
    data_page_header_v2: {
      num_values: definitionLevels.length || values.length,
      num_nulls: numNulls,
      num_rows: values.length,
      encoding,
      definition_levels_byte_length: definitionLevelsLength,
      repetition_levels_byte_length: 0,
    },
  });
  const headerSize = writer.offset - headerStart;
  writer.appendBytes(levels.getBytes());
  writer.appendBytes(compressed);
  return headerSize + levels.offset + page.offset;
};

// --- column.js: one column chunk ----------------------------------------------------------------

interface WrittenColumn {
  chunk: ColumnChunk;
  statistics: Statistics;
  element: FlatColumnElement;
  offsetIndex: OffsetIndex | undefined;
}

const pageBoundaries = (values: Values, type: FlatType): { start: number; end: number }[] => {
  const boundaries: { start: number; end: number }[] = [];
  let start = 0;
  let accumulated = 0;
  for (let i = 0; i < values.length; i++) {
    const size = estimateValueSize(values[i], type);
    accumulated += size;
    if (accumulated >= PAGE_SIZE && i > start) {
      boundaries.push({ start, end: i });
      start = i;
      accumulated = size;
    }
  }
  if (start < values.length) boundaries.push({ start, end: values.length });
  return boundaries;
};

const writeColumn = (writer: ByteWriter, element: FlatColumnElement, values: Values): WrittenColumn => {
  const { type } = element;
  const maxDefinitionLevel = element.repetition_type === 'OPTIONAL' ? 1 : 0;
  const definitionLevels: number[] = maxDefinitionLevel
    ? Array.from(values, (v) => (v === null || v === undefined ? 0 : 1))
    : [];
  const offsetStart = writer.offset;
  let uncompressedSize = 0;
  const encodings: string[] = [];

  const selectPhysical = element.converted_type !== 'UTF8';
  const physical = selectPhysical ? unconvert(element, values) : values;
  if (type === 'INT64')
    for (const value of physical)
      if (value !== null && value !== undefined && (value < -(2n ** 63n) || value > 2n ** 63n - 1n))
        throw new RangeError(`parquet INT64 value out of range: ${value}`);
  const statistics = statisticsOf(values, element);
  const { dictionary, indexes } = dictionaryOf(physical, type, maxDefinitionLevel === 0);

  let encoding: 'PLAIN' | 'RLE' | 'RLE_DICTIONARY';
  let writeValues: Values;
  let writeType: FlatType = type;
  let dictionaryPageOffset: bigint | undefined;
  if (dictionary && indexes) {
    writeValues = indexes;
    writeType = 'INT32';
    encoding = 'RLE_DICTIONARY';
    dictionaryPageOffset = BigInt(writer.offset);
    uncompressedSize += writeDictionaryPage(
      writer,
      element,
      selectPhysical ? dictionary : unconvert(element, dictionary),
    );
    encodings.push('PLAIN');
  } else {
    writeValues = selectPhysical ? physical : unconvert(element, values);
    encoding = type === 'BOOLEAN' && values.length > 16 ? 'RLE' : 'PLAIN';
  }
  encodings.push(encoding);

  const pages = pageBoundaries(writeValues, writeType);
  const offsetIndex: OffsetIndex | undefined = pages.length > 1 ? { page_locations: [] } : undefined;
  const dataPageOffset = BigInt(writer.offset);
  for (const { start, end } of pages) {
    const pageOffset = writer.offset;
    uncompressedSize += writeDataPage(
      writer,
      element,
      encoding,
      writeValues.slice(start, end),
      definitionLevels.slice(start, end),
      maxDefinitionLevel,
    );
    offsetIndex?.page_locations.push({
      offset: BigInt(pageOffset),
      compressed_page_size: writer.offset - pageOffset,
      first_row_index: BigInt(start),
    });
  }

  const encodingStats = [
    ...(dictionaryPageOffset === undefined
      ? []
      : [{ page_type: 'DICTIONARY_PAGE', encoding: 'PLAIN', count: 1 }]),
    { page_type: 'DATA_PAGE_V2', encoding, count: pages.length },
  ];
  const chunk = {
    meta_data: {
      type,
      encodings,
      path_in_schema: [element.name],
      codec: 'SNAPPY',
      num_values: BigInt(values.length),
      total_compressed_size: BigInt(writer.offset - offsetStart),
      total_uncompressed_size: BigInt(uncompressedSize),
      data_page_offset: dataPageOffset,
      dictionary_page_offset: dictionaryPageOffset,
      encoding_stats: encodingStats,
    },
    file_offset: BigInt(offsetStart),
  } as unknown as ColumnChunk;
  return { chunk, statistics, element, offsetIndex };
};

// --- metadata.js and parquet-writer.js ----------------------------------------------------------

const schemaElements = (columns: readonly FlatColumnElement[]): SchemaElement[] => [
  { name: 'root', num_children: columns.length },
  ...columns,
];

const writeMetadata = (
  writer: ByteWriter,
  options: FlatParquetOptions,
  numRows: bigint,
  rowGroups: {
    columns: WrittenColumn[];
    total_byte_size: bigint;
    num_rows: bigint;
    total_compressed_size: bigint;
  }[],
): void => {
  const schema = schemaElements(options.columns);
  const start = writer.offset;
  serializeTCompactProtocol(writer, {
    field_1: 2,
    field_2: schema.map((element) => ({
      field_1: element.type && ParquetTypes.indexOf(element.type),
      field_3: element.repetition_type && FieldRepetitionTypes.indexOf(element.repetition_type),
      field_4: element.name,
      field_5: element.num_children,
      field_6: element.converted_type && ConvertedTypes.indexOf(element.converted_type),
    })),
    field_3: numRows,
    field_4: rowGroups.map((group) => ({
      field_1: group.columns.map(({ chunk, statistics, element }) => {
        const meta = chunk.meta_data as NonNullable<ColumnChunk['meta_data']> & {
          encoding_stats: { page_type: string; encoding: string; count: number }[];
        };
        return {
          field_2: chunk.file_offset,
          field_3: {
            field_1: ParquetTypes.indexOf(meta.type),
            field_2: meta.encodings.map((e) => Encodings.indexOf(e)),
            field_3: meta.path_in_schema,
            field_4: CompressionCodecs.indexOf(meta.codec),
            field_5: meta.num_values,
            field_6: meta.total_uncompressed_size,
            field_7: meta.total_compressed_size,
            field_9: meta.data_page_offset,
            field_11: meta.dictionary_page_offset,
            field_12: {
              field_3: statistics.null_count,
              field_5: minMaxBytes(statistics.max_value, element, true),
              field_6: minMaxBytes(statistics.min_value, element, false),
              field_7: minMaxIsExact(statistics.max_value, element, true),
              field_8: minMaxIsExact(statistics.min_value, element, false),
              field_9: statistics.nan_count,
            },
            field_13: meta.encoding_stats.map((stats) => ({
              field_1: PageTypes.indexOf(stats.page_type as never),
              field_2: Encodings.indexOf(stats.encoding as never),
              field_3: stats.count,
            })),
          },
          field_4: chunk.offset_index_offset,
          field_5: chunk.offset_index_length,
        };
      }),
      field_2: group.total_byte_size,
      field_3: group.num_rows,
      field_6: group.total_compressed_size,
    })),
    field_5: options.kvMetadata?.map((kv) => ({ field_1: kv.key, field_2: kv.value })),
    field_6: options.createdBy,
    field_7: schema.filter((element) => element.type).map(() => ({ field_1: {} })),
  });
  writer.appendUint32(writer.offset - start);
};

/** A Parquet file of flat columns, byte for byte what `parquetWriteBuffer` writes for them. */
export const writeFlatParquet = (options: FlatParquetOptions): ArrayBuffer => {
  const writer = new ByteWriter();
  writer.appendUint32(0x31524150);
  const rows = options.data[0]?.length || 0;
  const rowGroups: Parameters<typeof writeMetadata>[3] = [];
  const written: WrittenColumn[] = [];
  let numRows = 0n;
  for (let groupStart = 0; groupStart < rows; groupStart += options.rowGroupSize) {
    const groupSize = Math.min(options.rowGroupSize, rows - groupStart);
    const groupOffset = writer.offset;
    const columns = options.columns.map((element, index) => {
      const data = options.data[index] ?? [];
      if (data.length !== rows) throw new Error('parquet columns must have the same length');
      return writeColumn(writer, element, data.slice(groupStart, groupStart + groupSize) as Values);
    });
    written.push(...columns);
    let totalByteSize = 0n;
    for (const { chunk } of columns) totalByteSize += chunk.meta_data?.total_uncompressed_size ?? 0n;
    numRows += BigInt(groupSize);
    rowGroups.push({
      columns,
      total_byte_size: totalByteSize,
      num_rows: BigInt(groupSize),
      total_compressed_size: BigInt(writer.offset - groupOffset),
    });
  }
  writeIndexes(
    writer,
    written.map(({ chunk, offsetIndex }) => ({ chunk, offsetIndex })),
  );
  writeMetadata(writer, options, numRows, rowGroups);
  writer.appendUint32(0x31524150);
  writer.finish();
  return writer.getBuffer();
};

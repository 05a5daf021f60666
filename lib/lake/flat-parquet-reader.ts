/**
 * Reads back the files lib/lake/flat-parquet-writer.ts writes (and hyparquet-writer wrote before
 * it, the same bytes): flat columns, DATA_PAGE_V2 pages, PLAIN, RLE (BOOLEAN) or RLE_DICTIONARY
 * values, SNAPPY. Each value comes back as hyparquet's `parquetReadObjects` gives it (a string, a
 * number, a bigint for INT64, a boolean, a Date for DATE and TIMESTAMP_MILLIS, null), which
 * test/unit/lake/flat-parquet.test.ts checks against hyparquet on the same files. Anything
 * else in a file (a nested column, another page type, encoding or codec) is refused, never
 * guessed at. Why: `parquetReadObjects` reaches row filters, bloom filters, page-index plans,
 * variant and geospatial decoding and every other encoding, ~45 KiB of `compactChanges`, which
 * only reads its own state tables. Its leaf decoders (thrift, snappy, RLE, plain) are hyparquet's
 * own, by their `src/*.js` subpaths. docs/performance.md, "Import, lake and event functions".
 */
import {
  CompressionCodecs,
  ConvertedTypes,
  Encodings,
  PageTypes,
  ParquetTypes,
} from 'hyparquet/src/constants.js';
import { readRleBitPackedHybrid } from 'hyparquet/src/encoding.js';
import { readPlain } from 'hyparquet/src/plain.js';
import { snappyUncompress } from 'hyparquet/src/snappy.js';
import { deserializeTCompactProtocol } from 'hyparquet/src/thrift.js';

export type ReadValue = string | number | bigint | boolean | Date | null;

interface Reader {
  view: DataView;
  offset: number;
}

interface Leaf {
  name: string;
  type: string;
  convertedType: string | undefined;
  optional: boolean;
}

const decoder = new TextDecoder();

const unsupported = (what: string): Error => new Error(`Not a flat lake Parquet file: ${what}`);

const snappy = (bytes: Uint8Array, size: number): Uint8Array => {
  const output = new Uint8Array(size);
  snappyUncompress(bytes, output);
  return output;
};

/** Physical values to what hyparquet returns for the column. */
const convert = (leaf: Leaf, values: ArrayLike<unknown>): ReadValue[] =>
  Array.from(values, (value) => {
    if (leaf.type === 'BYTE_ARRAY') return decoder.decode(value as Uint8Array);
    if (leaf.convertedType === 'TIMESTAMP_MILLIS') return new Date(Number(value));
    if (leaf.convertedType === 'DATE') return new Date((value as number) * 86_400_000);
    return value as ReadValue;
  });

/** One column chunk's values, in row order, null where a value is absent. */
const readChunk = (bytes: Uint8Array, leaf: Leaf, meta: Record<string, unknown>): ReadValue[] => {
  if (CompressionCodecs[meta.field_4 as number] !== 'SNAPPY') throw unsupported('codec');
  const start = Number(meta.field_11 ?? meta.field_9);
  const end = start + Number(meta.field_7);
  const reader: Reader = {
    view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    offset: start,
  };
  let dictionary: ReadValue[] | undefined;
  const values: ReadValue[] = [];
  while (reader.offset < end) {
    const header = deserializeTCompactProtocol(reader);
    const pageType = PageTypes[header.field_1 as number];
    const uncompressedSize = header.field_2 as number;
    const page = bytes.subarray(reader.offset, reader.offset + (header.field_3 as number));
    reader.offset += header.field_3 as number;
    if (pageType === 'DICTIONARY_PAGE') {
      const count = header.field_7.field_1 as number;
      const plain = snappy(page, uncompressedSize);
      dictionary = convert(
        leaf,
        readPlain({ view: new DataView(plain.buffer), offset: 0 }, leaf.type as never, count, undefined),
      );
      continue;
    }
    if (pageType !== 'DATA_PAGE_V2') throw unsupported(`page type ${pageType}`);
    const v2 = header.field_8;
    const numValues = v2.field_1 as number;
    const numNulls = v2.field_2 as number;
    const encoding = Encodings[v2.field_4 as number];
    const definitionLength = v2.field_5 as number;
    if (v2.field_6 || v2.field_7 === false) throw unsupported('repetition levels or an uncompressed page');
    const pageView = new DataView(page.buffer, page.byteOffset, page.byteLength);
    const definitionLevels = new Array<number>(numValues);
    if (leaf.optional)
      readRleBitPackedHybrid({ view: pageView, offset: 0 }, 1, definitionLevels, definitionLength);
    const data = snappy(page.subarray(definitionLength), uncompressedSize - definitionLength);
    const dataReader: Reader = { view: new DataView(data.buffer), offset: 0 };
    const count = numValues - numNulls;
    let present: ReadValue[];
    if (encoding === 'PLAIN')
      present = convert(leaf, readPlain(dataReader, leaf.type as never, count, undefined));
    else if (encoding === 'RLE' && leaf.type === 'BOOLEAN') {
      const bits = new Array<number>(count);
      readRleBitPackedHybrid(dataReader, 1, bits);
      present = bits.map((bit) => !!bit);
    } else if (encoding === 'RLE_DICTIONARY' && dictionary) {
      const bitWidth = data[0] as number;
      dataReader.offset = 1;
      const indexes = new Array<number>(count);
      readRleBitPackedHybrid(dataReader, bitWidth, indexes, data.length - 1);
      const entries = dictionary;
      present = indexes.map((index) => entries[index] as ReadValue);
    } else throw unsupported(`encoding ${encoding}`);
    if (!leaf.optional) values.push(...present);
    else {
      let next = 0;
      for (const level of definitionLevels) values.push(level ? (present[next++] as ReadValue) : null);
    }
  }
  return values;
};

/** Every row of the file as an object of its columns (hyparquet's `parquetReadObjects` for flat files). */
export const readFlatParquet = (bytes: Uint8Array): Record<string, ReadValue>[] => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = bytes.byteLength;
  if (length < 12 || view.getUint32(length - 4, true) !== 0x31524150) throw unsupported('no PAR1 footer');
  const metadataLength = view.getUint32(length - 8, true);
  const metadata = deserializeTCompactProtocol({ view, offset: length - 8 - metadataLength });
  const [root, ...elements] = metadata.field_2 as Record<string, unknown>[];
  if (!root || elements.some((element) => element.field_5 || element.field_3 === 2))
    throw unsupported('nested or repeated columns');
  const leaves: Leaf[] = elements.map((element) => ({
    name: decoder.decode(element.field_4 as Uint8Array),
    type: ParquetTypes[element.field_1 as number] as string,
    convertedType: element.field_6 === undefined ? undefined : ConvertedTypes[element.field_6 as number],
    optional: element.field_3 === 1,
  }));
  const rows: Record<string, ReadValue>[] = [];
  for (const group of metadata.field_4 as Record<string, unknown>[]) {
    const columns = (group.field_1 as Record<string, Record<string, unknown>>[]).map((chunk, index) =>
      readChunk(bytes, leaves[index] as Leaf, chunk.field_3 as Record<string, unknown>),
    );
    const groupRows = Number(group.field_3);
    for (let row = 0; row < groupRows; row++)
      rows.push(Object.fromEntries(leaves.map((leaf, index) => [leaf.name, columns[index]?.[row] ?? null])));
  }
  return rows;
};

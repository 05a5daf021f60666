/**
 * The importer's CSV reader and writer, hand-written instead of csv-parse and csv-stringify for
 * bundle bytes (issue 10: the two packages were ~41 KiB of runUploadedImport's bundle, this
 * file is ~2 KiB). Each does exactly what the package did with the options the importer used,
 * quirks included, so files read and reports read back as before; test/unit/imports/csv.test.ts
 * compares both with the packages on generated inputs (they stay as devDependencies for that).
 */

/** One record of a file: its cells and the line it ends on (csv-parse's `info.lines`). */
export interface CsvRecord {
  record: string[];
  lines: number;
}

/** The file is not CSV; the message is csv-parse's, word for word. */
export class CsvSyntaxError extends Error {
  override readonly name = 'CsvSyntaxError';
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

/**
 * The records of a CSV file, as csv-parse 7's `parse` returns them with `{ bom: true, info: true,
 * relax_column_count: true, skip_empty_lines: true }` and its defaults otherwise: comma
 * delimiter, `"` quote and escape (`""` in a quoted field is one quote), the record delimiter
 * the first line ends with (`\r\n`, `\n` or `\r`; after that the others are ordinary
 * characters), a quote inside an unquoted field or after a closing quote refused.
 *
 * Like csv-parse it works on the bytes: a UTF-8 byte-order mark is dropped, a UTF-16LE one
 * (in a file of 3 bytes or more) switches to UTF-16LE, whose characters are two bytes each,
 * matched at any byte offset as csv-parse does. Lines are counted csv-parse's way: every `\r`
 * and every `\n` byte ends one, except the second byte of a `\r\n` record delimiter (so a
 * `\r\n` inside a quoted field counts twice).
 */
export const parseCsvRecords = (input: Uint8Array): CsvRecord[] => {
  let bytes = input;
  let encoding: 'utf8' | 'utf16le' = 'utf8';
  if (bytes.length >= 3) {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
      bytes = bytes.subarray(2);
      encoding = 'utf16le';
    }
  }
  // A character's bytes: [code] in UTF-8 (all the syntax is ASCII), [code, 0] in UTF-16LE.
  const unit = encoding === 'utf8' ? 1 : 2;
  const length = bytes.length;
  const is = (code: number, at: number): boolean => bytes[at] === code && (unit === 1 || bytes[at + 1] === 0);
  /** The record delimiter's length at `at` when it is one (`\r\n`, `\n` or `\r`, in that order). */
  const delimiterAt = (delimiter: number[], at: number): number =>
    delimiter.every((code, index) => is(code, at + index * unit)) ? delimiter.length * unit : 0;
  let recordDelimiter: number[] | undefined;
  const discover = (at: number): number => {
    for (const candidate of [[CR, LF], [LF], [CR]]) {
      const found = delimiterAt(candidate, at);
      if (found !== 0) {
        recordDelimiter = candidate;
        return found;
      }
    }
    return 0;
  };

  const records: CsvRecord[] = [];
  let record: string[] = [];
  let field = Buffer.allocUnsafe(64);
  let fieldLength = 0;
  let lines = 1;
  let wasRowDelimiter = false;
  let quoting = false;
  let wasQuoting = false;
  let escaping = false;
  const endField = () => {
    record.push(field.toString(encoding, 0, fieldLength));
    fieldLength = 0;
    wasQuoting = false;
  };
  const endRecord = () => {
    records.push({ record, lines });
    record = [];
  };

  for (let pos = 0; pos < length; pos++) {
    if (wasRowDelimiter) {
      lines++;
      wasRowDelimiter = false;
    }
    if (!quoting && recordDelimiter === undefined) discover(pos);
    const chr = bytes[pos] as number;
    if (chr === CR || chr === LF) wasRowDelimiter = true;
    if (escaping) escaping = false;
    else {
      // `""` in a quoted field: skip the first, keep the second as an ordinary character.
      if (quoting && is(QUOTE, pos) && pos + unit < length && is(QUOTE, pos + unit)) {
        escaping = true;
        pos += unit - 1;
        continue;
      }
      if (is(QUOTE, pos)) {
        if (quoting) {
          const next = pos + unit;
          const nextChr = bytes[next];
          const delimiterNext = is(COMMA, next);
          const recordDelimiterNext =
            recordDelimiter === undefined ? discover(next) : delimiterAt(recordDelimiter, next);
          // The end of the data, or a NUL byte (csv-parse tests the byte for truth), closes too.
          if (!nextChr || delimiterNext || recordDelimiterNext !== 0) {
            quoting = false;
            wasQuoting = true;
            pos += unit - 1;
            continue;
          }
          throw new CsvSyntaxError(
            `Invalid Closing Quote: got "${String.fromCharCode(nextChr)}" at line ${lines} instead of delimiter, record delimiter, trimable character (if activated) or comment`,
          );
        }
        if (fieldLength !== 0) {
          const value = field.subarray(0, fieldLength);
          const bom =
            value.length === 3 && value[0] === 0xef && value[1] === 0xbb && value[2] === 0xbf
              ? ' (utf8 bom)'
              : value.length === 2 && value[0] === 0xff && value[1] === 0xfe
                ? ' (utf16le bom)'
                : '';
          throw new CsvSyntaxError(
            `Invalid Opening Quote: a quote is found on field ${record.length} at line ${lines}, value is ${JSON.stringify(value.toString('utf8'))}${bom}`,
          );
        }
        quoting = true;
        pos += unit - 1;
        continue;
      }
      if (!quoting) {
        const ends = recordDelimiter === undefined ? 0 : delimiterAt(recordDelimiter, pos);
        if (ends !== 0) {
          // skip_empty_lines: a line with nothing on it, not even "", is no record.
          if (wasQuoting || record.length !== 0 || fieldLength !== 0) {
            endField();
            endRecord();
          }
          pos += ends - 1;
          continue;
        }
        if (is(COMMA, pos)) {
          endField();
          pos += unit - 1;
          continue;
        }
      }
    }
    if (fieldLength === field.length) {
      const larger = Buffer.allocUnsafe(field.length * 2);
      field.copy(larger, 0, 0, fieldLength);
      field = larger;
    }
    field[fieldLength++] = chr;
  }
  if (quoting)
    throw new CsvSyntaxError(
      `Quote Not Closed: the parsing is finished with an opening quote at line ${lines}`,
    );
  if (wasQuoting || record.length !== 0 || fieldLength !== 0) {
    endField();
    endRecord();
  }
  return records;
};

/**
 * CSV text as csv-stringify 6's `stringify(records)` writes it: comma-separated, `\n` after
 * every record, a cell quoted when it holds a quote, a comma, `\r` or `\n`, quotes doubled.
 */
export const stringifyCsv = (records: readonly (readonly string[])[]): string =>
  records
    .map(
      (record) =>
        `${record.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(',')}\n`,
    )
    .join('');

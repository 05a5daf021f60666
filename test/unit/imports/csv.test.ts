import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsvRecords, stringifyCsv } from '../../../lib/imports/csv.js';

/** What the importer read with before lib/imports/csv.ts: csv-parse with the same options. */
const OPTIONS = { bom: true, info: true, relax_column_count: true, skip_empty_lines: true } as const;

type Outcome = { records: { record: string[]; lines: number }[] } | { error: string };

const withCsvParse = (bytes: Uint8Array): Outcome => {
  try {
    const records = parse(Buffer.from(bytes), OPTIONS) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return { records: records.map(({ record, info }) => ({ record, lines: info.lines })) };
  } catch (error) {
    return { error: (error as Error).message };
  }
};

const ours = (bytes: Uint8Array): Outcome => {
  try {
    return { records: parseCsvRecords(bytes) };
  } catch (error) {
    expect(error).toBeInstanceOf(CsvSyntaxError);
    return { error: (error as Error).message };
  }
};

const utf8 = (text: string): Uint8Array => Buffer.from(text);
const utf16 = (text: string): Uint8Array =>
  Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

describe('reading CSV (lib/imports/csv.ts, as csv-parse read it)', () => {
  it('reads quoted fields with delimiters, escaped quotes and line breaks, and numbers lines', () => {
    expect(parseCsvRecords(utf8('a,b\n"x,1","say ""hi""\nthere"\n\nlast,'))).toEqual([
      { record: ['a', 'b'], lines: 1 },
      { record: ['x,1', 'say "hi"\nthere'], lines: 3 },
      { record: ['last', ''], lines: 5 },
    ]);
  });

  it('takes the record delimiter from the first line: CRLF, LF or CR', () => {
    expect(parseCsvRecords(utf8('a\r\nb\nc\r\n'))).toEqual([
      { record: ['a'], lines: 1 },
      { record: ['b\nc'], lines: 3 },
    ]);
    expect(parseCsvRecords(utf8('a\rb\r\rc'))).toEqual([
      { record: ['a'], lines: 1 },
      { record: ['b'], lines: 2 },
      { record: ['c'], lines: 4 },
    ]);
    // Found after a closing quote too, and a CRLF inside quotes counts as two lines.
    expect(parseCsvRecords(utf8('"a\r\nb"\r\nc'))).toEqual([
      { record: ['a\r\nb'], lines: 3 },
      { record: ['c'], lines: 4 },
    ]);
  });

  it('drops a UTF-8 byte-order mark and reads a UTF-16LE file by its mark', () => {
    expect(parseCsvRecords(utf8('\uFEFFsku,n\né,1'))).toEqual([
      { record: ['sku', 'n'], lines: 1 },
      { record: ['é', '1'], lines: 2 },
    ]);
    expect(parseCsvRecords(utf16('sku,"n"\r\né,1'))).toEqual([
      { record: ['sku', 'n'], lines: 1 },
      { record: ['é', '1'], lines: 2 },
    ]);
    expect(parseCsvRecords(utf8(''))).toEqual([]);
    expect(parseCsvRecords(utf8('\uFEFF'))).toEqual([]);
    expect(parseCsvRecords(utf8('\n\n'))).toEqual([]);
    // A line of "" is a record (one empty cell), not an empty line.
    expect(parseCsvRecords(utf8('a\n""\n'))).toEqual([
      { record: ['a'], lines: 1 },
      { record: [''], lines: 2 },
    ]);
  });

  it("refuses stray and unclosed quotes with csv-parse's messages", () => {
    const error = (text: string) => ours(utf8(text));
    expect(error('a,b"c\n')).toEqual({
      error: 'Invalid Opening Quote: a quote is found on field 1 at line 1, value is "b"',
    });
    expect(error('x\n"a"é')).toEqual({
      error:
        'Invalid Closing Quote: got "Ã" at line 2 instead of delimiter, record delimiter, trimable character (if activated) or comment',
    });
    expect(error('a\n"b\n')).toEqual({
      error: 'Quote Not Closed: the parsing is finished with an opening quote at line 2',
    });
    for (const text of ['a,b"c\n', 'x\n"a"é', 'a\n"b\n', 'a,\uFEFF"'])
      expect(ours(utf8(text))).toEqual(withCsvParse(utf8(text)));
  });

  // Pieces that exercise every branch: syntax, both line ends, NUL (closes a quote), non-ASCII,
  // invalid UTF-8 and a BOM in the middle of the data.
  const PIECES = ['a', 'bc', ' ', 'é', '€', ',', '"', '""', '\r', '\n', '\r\n', '\0', '\uFEFF', '\u0A22'];
  const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((pieces) => pieces.join(''));
  const quotedCells = fc
    .array(
      fc.array(
        fc.oneof(
          fc.constantFrom('a', ' x ', '', 'é'),
          fc.string({ maxLength: 6 }).map((cell) => `"${cell.replaceAll('"', '""')}"`),
        ),
        { minLength: 1, maxLength: 4 },
      ),
      { maxLength: 6 },
    )
    .chain((rows) =>
      fc
        .constantFrom('\n', '\r\n', '\r')
        .map((end) => rows.map((cells) => cells.join(',')).join(end) + (rows.length > 0 ? end : '')),
    );

  it('agrees with csv-parse on generated UTF-8 input, records, lines and errors alike', () => {
    fc.assert(
      fc.property(
        fc.oneof(text, quotedCells),
        fc.constantFrom('', '\uFEFF'),
        fc.option(fc.integer({ min: 0x80, max: 0xff })),
        (body, bom, invalidByte) => {
          const bytes = Buffer.concat([
            utf8(bom + body),
            invalidByte === null ? Buffer.alloc(0) : Buffer.from([invalidByte]),
            utf8(body.slice(0, 5)),
          ]);
          expect(ours(bytes)).toEqual(withCsvParse(bytes));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('agrees with csv-parse on generated UTF-16LE input, odd byte counts included', () => {
    fc.assert(
      fc.property(fc.oneof(text, quotedCells), fc.boolean(), (body, odd) => {
        const bytes = Buffer.concat([utf16(body), Buffer.from(odd ? [0x41] : [])]);
        expect(ours(bytes)).toEqual(withCsvParse(bytes));
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with csv-parse on arbitrary short byte strings', () => {
    const bytes = fc
      .array(fc.constantFrom(0x22, 0x2c, 0x0d, 0x0a, 0x00, 0x41, 0xef, 0xbb, 0xbf, 0xff, 0xfe, 0xc3), {
        maxLength: 24,
      })
      .map((values) => Uint8Array.from(values));
    fc.assert(
      fc.property(bytes, (input) => {
        expect(ours(input)).toEqual(withCsvParse(input));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('writing CSV (lib/imports/csv.ts, as csv-stringify wrote it)', () => {
  it('quotes cells with a quote, comma or line break and ends every record with LF', () => {
    expect(
      stringifyCsv([
        ['line', 'reason'],
        ['2', 'a "b", c'],
        ['3', 'x\ry'],
        ['4', ' '],
      ]),
    ).toBe('line,reason\n2,"a ""b"", c"\n3,"x\ry"\n4, \n');
    expect(stringifyCsv([])).toBe('');
  });

  it('agrees with csv-stringify on generated records', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc
        .array(fc.constantFrom('a', '"', ',', '\r', '\n', ' ', 'é', '='), { maxLength: 8 })
        .map((pieces) => pieces.join('')),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 6 }), (records) => {
        expect(stringifyCsv(records)).toBe(stringify(records));
      }),
      { numRuns: 1000 },
    );
  });

  it('writes what it reads back', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ maxLength: 8 }), { minLength: 2, maxLength: 4 }), {
          minLength: 1,
          maxLength: 5,
        }),
        (records) => {
          expect(parseCsvRecords(utf8(stringifyCsv(records))).map(({ record }) => record)).toEqual(records);
        },
      ),
    );
  });
});

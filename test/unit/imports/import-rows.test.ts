import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { optionsCell, stableJson } from '../../../lib/imports/cells.js';
import { ImportFileError, readCsv } from '../../../lib/imports/csv-table.js';
import { customerColumnOf, customerRowOf } from '../../../lib/imports/customer-rows.js';
import { countOutcomes, type LineOutcome, reportCsv } from '../../../lib/imports/import-report.js';
import { phoneCell } from '../../../lib/imports/phone-numbers.js';
import { PRODUCT_COLUMNS, productRowOf, productToRows } from '../../../lib/imports/product-rows.js';
import { stableId } from '../../../lib/imports/stable-id.js';
import { STOCK_COLUMNS } from '../../../lib/imports/stock-rows.js';

describe('reading an import file', () => {
  it('strips a BOM, matches header names case-insensitively, trims cells and numbers lines from the header', () => {
    const rows = readCsv('\uFEFFSKU , ONHAND\r\n  abc-1 , 5 \r\n\r\n"q,1",2\r\n', STOCK_COLUMNS);
    expect(rows).toEqual([
      { line: 2, cells: { sku: 'abc-1', onHand: '5' }, issues: [] },
      { line: 4, cells: { sku: 'q,1', onHand: '2' }, issues: [] },
    ]);
  });

  it('numbers a quoted multi-line cell by the line its row ends on', () => {
    const rows = readCsv('sku,onHand\n"A\nB",1\nC,2\n', STOCK_COLUMNS);
    expect(rows.map((row) => row.line)).toEqual([3, 4]);
  });

  it('refuses the whole file for an unknown, repeated or missing column, or no header', () => {
    expect(() => readCsv('sku,onHand,colour\n', STOCK_COLUMNS)).toThrow(/Unknown column "colour"/);
    expect(() => readCsv('sku,sku,onHand\n', STOCK_COLUMNS)).toThrow(/appears twice/);
    expect(() => readCsv('sku\nA\n', STOCK_COLUMNS)).toThrow(/lacks required column\(s\) onHand/);
    expect(() => readCsv('', STOCK_COLUMNS)).toThrow(ImportFileError);
    expect(() => readCsv('sku,onHand\n"unterminated,1\n', STOCK_COLUMNS)).toThrow(/not valid CSV/);
  });

  it('marks a row with more cells than the header as a fault of its own line', () => {
    const [row] = readCsv('sku,onHand\nA,1,extra\n', STOCK_COLUMNS);
    expect(row?.issues).toEqual([{ column: '', reason: expect.stringContaining('3 cells') }]);
  });
});

describe('normalising rows into API bodies', () => {
  it('upper-cases SKU and currency, lower-cases category, reads options both ways and minor units strictly', () => {
    const [row] = readCsv(
      'name,brand,category,sku,options,price,cost,currency,barcode\nLens,Acme,Contact-Lenses,abc-1,power=-1.00; colour = blue,1299,12.5,aud,9300 6012 3456 1\n',
      PRODUCT_COLUMNS,
    );
    const parsed = productRowOf(row as never);
    expect(parsed.product).toEqual({ name: 'Lens', brand: 'Acme', category: 'contact-lenses' });
    expect(parsed.variant).toEqual({
      sku: 'ABC-1',
      options: { power: '-1.00', colour: 'blue' },
      price: 1299,
      currency: 'AUD',
      barcode: '9300601234561',
    });
    expect(parsed.issues).toEqual([{ column: 'cost', reason: expect.stringContaining('minor units') }]);
    expect(optionsCell('{"a":"1;2"}', 'options')).toEqual({ value: { a: '1;2' } });
    expect(optionsCell('no-equals', 'options')).toMatchObject({ issue: { column: 'options' } });
  });

  it('writes phones as E.164 for the given country, lower-cases emails and tags, reads booleans', () => {
    const [row] = readCsv(
      'firstName,lastName,email,phone,marketingOptIn,tags,preferredStoreId\nMia,Chen, Mia@Example.COM ,0412 345 678,Yes,VIP;Lenses,st_1\n',
      [
        ...([
          'firstName',
          'lastName',
          'email',
          'phone',
          'marketingOptIn',
          'tags',
          'preferredStoreId',
        ] as const),
      ].map((name) => ({ name })),
    );
    expect(customerRowOf(row as never, 'AU').body).toEqual({
      firstName: 'Mia',
      lastName: 'Chen',
      email: 'mia@example.com',
      phone: '+61412345678',
      marketingOptIn: true,
      tags: ['vip', 'lenses'],
      preferences: { preferredStoreId: 'st_1' },
    });
    expect(phoneCell('(09) 123 4567', 'phone', 'NZ')).toEqual({ value: '+6491234567' });
    expect(phoneCell('not a phone', 'phone', 'AU')).toEqual({ value: 'not a phone' });
    expect(customerColumnOf(['preferences', 'contactChannel'])).toEqual({ column: 'contactChannel' });
    expect(customerColumnOf(['prescription', 'right', 'sphere'])).toEqual({
      column: 'prescription',
      within: 'prescription.right.sphere',
    });
  });

  it('derives the same id from the same natural key, and a different one otherwise', () => {
    expect(stableId('pr', 'ABC-1')).toBe(stableId('pr', 'ABC-1'));
    expect(stableId('pr', 'ABC-1')).toMatch(/^pr_[0-9a-f]{26}$/);
    expect(stableId('pr', 'ABC-1')).not.toBe(stableId('pr', 'ABC-2'));
    expect(stableId('cu', 'ABC-1')).not.toBe(stableId('pr', 'ABC-1').replace('pr_', 'cu_'));
  });
});

describe('export rows', () => {
  it('writes JSON cells with sorted keys, so the same data exports to the same file', () => {
    expect(stableJson({ b: 1, a: { d: 2, c: [{ z: 1, y: 2 }] } })).toBe(
      '{"a":{"c":[{"y":2,"z":1}],"d":2},"b":1}',
    );
    const rows = productToRows({
      productId: 'pr_1',
      name: 'Lens',
      description: '',
      category: 'contact-lenses',
      brand: 'Acme',
      status: 'active',
      attributes: { z: 1, a: 2 },
      variants: [{ sku: 'A', options: { power: '-1.00' }, price: 1, cost: 1, currency: 'AUD' }],
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      version: 1,
      updatedBy: 'x',
    });
    expect(rows).toEqual([
      expect.objectContaining({
        attributes: '{"a":2,"z":1}',
        variantStatus: '',
        barcode: '',
        options: '{"power":"-1.00"}',
      }),
    ]);
  });
});

describe('the result report', () => {
  const outcomes: LineOutcome[] = [
    {
      line: 3,
      status: 'rejected',
      issues: [
        { column: 'price', reason: 'Not a whole number: "1,5".' },
        { column: 'sku', reason: 'Missing.' },
      ],
    },
    { line: 2, status: 'imported', id: 'pr_1', issues: [] },
    { line: 4, status: 'skipped', id: 'pr_2', issues: [{ column: '', reason: 'Already imported as pr_2.' }] },
  ];

  it('has a line per file line (one per issue), by line number, quoted where needed', () => {
    const report = reportCsv(outcomes);
    expect(report.split('\n')[0]).toBe('line,status,id,column,reason');
    expect(parse(report, { columns: true })).toEqual([
      { line: '2', status: 'imported', id: 'pr_1', column: '', reason: '' },
      { line: '3', status: 'rejected', id: '', column: 'price', reason: 'Not a whole number: "1,5".' },
      { line: '3', status: 'rejected', id: '', column: 'sku', reason: 'Missing.' },
      { line: '4', status: 'skipped', id: 'pr_2', column: '', reason: 'Already imported as pr_2.' },
    ]);
  });

  it('counts lines, not issues', () => {
    expect(countOutcomes(outcomes)).toEqual({ rows: 3, imported: 1, skipped: 1, rejected: 1, valid: 0 });
  });
});

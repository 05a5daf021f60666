import { describe, expect, it } from 'vitest';
import { formatCsv, formatTable } from '../../../infra/local/query-format.js';

const result = {
  columns: ['store_id', 'note', 'amount'],
  rows: [
    ['st_a', 'plain', 2500],
    ['st_b', 'has, comma and "quotes"', null],
  ],
};

describe('query output', () => {
  it('CSV quotes what needs quoting and leaves NULL empty', () => {
    expect(formatCsv(result)).toBe(
      'store_id,note,amount\r\nst_a,plain,2500\r\nst_b,"has, comma and ""quotes""",\r\n',
    );
  });

  it('a table aligns columns, numbers to the right, and counts the rows', () => {
    expect(formatTable(result).split('\n')).toEqual([
      'store_id | note                    | amount',
      '---------+-------------------------+-------',
      'st_a     | plain                   |   2500',
      'st_b     | has, comma and "quotes" |   NULL',
      '(2 rows)',
      '',
    ]);
  });
});

import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { toJson, toJsonObject } from '../../../lib/lake/change-export-json.js';

describe('toJson', () => {
  it('gives what unmarshall gives for every JSON-native type, nested', () => {
    const item = {
      s: 'text',
      n: 42,
      f: 0.125,
      neg: -7,
      t: true,
      f2: false,
      nil: null,
      list: [1, 'two', { three: [3] }],
      map: { deep: { deeper: 'yes' }, empty: {} },
    };
    const marshalled = marshall(item);
    expect(toJsonObject(marshalled)).toEqual(unmarshall(marshalled));
  });

  it('writes sets as sorted arrays and binary as base64', () => {
    expect(toJson({ SS: ['b', 'a'] })).toEqual(['a', 'b']);
    expect(toJson({ NS: ['10', '2', '-1'] })).toEqual([-1, 2, 10]);
    expect(toJson({ B: new Uint8Array([1, 2, 3]) })).toBe('AQID');
    expect(toJson({ BS: [new Uint8Array([255]), new Uint8Array([0])] })).toEqual(['/w==', 'AA==']);
  });

  it('keeps numbers beyond double precision exact, as their decimal string', () => {
    expect(toJson({ N: '123456789012345678901234567890' })).toBe('123456789012345678901234567890');
    expect(toJson({ N: '9007199254740993' })).toBe('9007199254740993');
    expect(toJson({ N: '9007199254740991' })).toBe(9_007_199_254_740_991);
  });
});

import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  compareSequence,
  finalStates,
  insertedImages,
  MalformedChangeError,
  parseChangeObject,
  sortChanges,
} from '../../../lib/lake/compact-changes-read.js';
import { change, storeImage } from '../../support/lake-fixtures.js';

const at = '2026-11-30T08:00:00.000Z';

describe('reading change objects', () => {
  it('parses gzipped NDJSON rows, images nested or as JSON text', () => {
    const store = storeImage('st_a', 'nsw', at);
    const rows = [
      change('INSERT', store, { at }),
      { ...change('MODIFY', store, { at }), new_image: JSON.stringify(store) },
    ];
    const body = gzipSync(`${rows.map((row) => JSON.stringify(row)).join('\n')}\n`);
    const parsed = parseChangeObject('changes/entity=Store/dt=2026-11-30/s-1.ndjson.gz', body);
    expect(parsed).toHaveLength(2);
    expect(parsed[1]?.new_image).toEqual(store);
  });

  it('names the object and line of a malformed row', () => {
    const body = gzipSync('{"event_id":"x"}\n');
    expect(() => parseChangeObject('changes/entity=Store/dt=2026-11-30/s-1.ndjson.gz', body)).toThrow(
      MalformedChangeError,
    );
    expect(() => parseChangeObject('k.ndjson.gz', gzipSync('not json\n'))).toThrow(
      /k\.ndjson\.gz line 1: not JSON/,
    );
  });

  it('compares sequence numbers as numbers, not text', () => {
    expect(compareSequence('9', '10')).toBeLessThan(0);
    expect(compareSequence('100', '99')).toBeGreaterThan(0);
    expect(compareSequence('42', '42')).toBe(0);
  });

  it('drops redelivered records and orders each item’s changes by sequence', () => {
    const v1 = storeImage('st_a', 'nsw', at);
    const v2 = { ...v1, name: 'Renamed', version: 2 };
    const first = change('INSERT', v1, { at });
    const second = change('MODIFY', v2, { at, old: v1 });
    const sorted = sortChanges([second, first, second, first]);
    expect(sorted.map((row) => row.event_id)).toEqual([first.event_id, second.event_id]);
    expect(finalStates(sorted).map((state) => state.image?.name)).toEqual(['Renamed']);
    expect(insertedImages(sorted)).toEqual([v1]);
  });

  it('treats an item whose last change removed it as gone, identified by its old image', () => {
    const store = storeImage('st_a', 'nsw', at);
    const rows = sortChanges([
      change('INSERT', store, { at }),
      change('REMOVE', undefined, { at, old: store }),
    ]);
    const [state] = finalStates(rows);
    expect(state?.image).toBeUndefined();
    expect(state?.identity.storeId).toBe('st_a');
  });
});

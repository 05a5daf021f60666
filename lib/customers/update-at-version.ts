import { tableName } from '../db/client.js';
import type { TableKey } from '../db/keys.js';
import type { GuardedWrite } from '../db/transact.js';
import { staleOrMissing } from '../db/versioned-write.js';

/**
 * Like `replaceItemAtVersion`, but as an UpdateItem that leaves the named counters alone.
 * Customers (`pointsBalance`) and promotions (`usedCount`) carry atomic counters that sales
 * move with ADD at any moment and without touching `version`; a whole-item Put of a profile
 * edit would write back the counter as it was read and lose those sales. Here every other
 * attribute of `next` is SET, attributes that `next` dropped are REMOVEd, and the counters are
 * never mentioned. (Generic: a candidate for lib/db/versioned-write.ts.)
 */
export const updateAtVersion = (options: {
  key: TableKey;
  previous: Record<string, unknown>;
  next: Record<string, unknown>;
  expectedVersion: number;
  what: string;
  counters: readonly string[];
}): GuardedWrite => {
  const untouchable = new Set([...Object.keys(options.key), ...options.counters]);
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':expected': options.expectedVersion };
  const sets: string[] = [];
  const removes: string[] = [];
  let n = 0;
  for (const [name, value] of Object.entries(options.next)) {
    if (untouchable.has(name) || value === undefined) continue;
    names[`#a${n}`] = name;
    values[`:a${n}`] = value;
    sets.push(`#a${n} = :a${n}`);
    n++;
  }
  for (const name of Object.keys(options.previous)) {
    if (untouchable.has(name) || options.next[name] !== undefined) continue;
    names[`#a${n}`] = name;
    removes.push(`#a${n}`);
    n++;
  }
  names['#version'] = 'version';
  return {
    write: {
      Update: {
        TableName: tableName(),
        Key: options.key,
        UpdateExpression: [
          `SET ${sets.join(', ')}`,
          ...(removes.length ? [`REMOVE ${removes.join(', ')}`] : []),
        ].join(' '),
        ConditionExpression: 'attribute_exists(pk) AND #version = :expected',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
    onConditionFailed: staleOrMissing(options.what, options.expectedVersion),
  };
};

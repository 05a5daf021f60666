import { describe, expect, it } from 'vitest';
import { customerKey } from '../../../lib/lake/pseudonym.js';

describe('customer pseudonyms', () => {
  it('are stable, distinct per customer and do not contain the id', () => {
    expect(customerKey('cus_1')).toBe(customerKey('cus_1'));
    expect(customerKey('cus_1')).not.toBe(customerKey('cus_2'));
    expect(customerKey('cus_1')).toMatch(/^[0-9a-f]{32}$/);
    expect(customerKey('cus_1')).not.toContain('cus_1');
  });

  it('are not a bare hash of the id (domain-separated)', async () => {
    const { createHash } = await import('node:crypto');
    const bare = createHash('sha256').update('cus_1').digest('hex').slice(0, 32);
    expect(customerKey('cus_1')).not.toBe(bare);
  });
});

import { describe, expect, it } from 'vitest';
import { REDACTED } from '../../../lib/customers/personal-data.js';
import { changeRowOf } from '../../../lib/lake/change-export-row.js';
import { customerRow } from '../../../lib/lake/compact-reference-rows.js';
import { lakeImageOf } from '../../../lib/lake/lake-image.js';
import { customerImage } from '../../support/lake-fixtures.js';
import { orderItem, streamRecord } from '../../support/stream-records.js';

const at = '2026-03-02T09:00:00.000Z';
/** Anything of the fixture customer's personal data, as it would appear in a row's JSON. */
const PERSONAL = /Alice|Nguyen|example\.com|\+614|1990-05-01|sphere|late lenses|Mia/;

const feedback = {
  pk: 'CUSTOMER#cus_1',
  sk: `FEEDBACK#${at}#fb_1`,
  entityType: 'Feedback',
  feedbackId: 'fb_1',
  customerId: 'cus_1',
  kind: 'complaint',
  message: 'Alice: late lenses',
  status: 'open',
  version: 1,
  updatedBy: 'user-1',
};
const pointsEntry = {
  pk: 'CUSTOMER#cus_1',
  sk: `POINTS#${at}#pt_1`,
  entityType: 'PointsEntry',
  entryId: 'pt_1',
  customerId: 'cus_1',
  delta: 50,
  reason: 'adjusted',
  note: 'Goodwill for Mia',
  actor: 'user-1',
  at,
};

describe('the lake’s change rows carry no personal data', () => {
  it('redacts a customer’s personal fields in both images, keeping the field, its age band and the rest', () => {
    const before = customerImage('cus_1', 'st_a', at);
    const after = { ...before, email: 'alice.new@example.com', version: 2 };
    const { row } = changeRowOf(streamRecord(before, after));
    expect(JSON.stringify(row)).not.toMatch(PERSONAL);
    for (const image of [row.old_image, row.new_image]) {
      expect(image).toMatchObject({
        firstName: REDACTED,
        lastName: REDACTED,
        email: REDACTED,
        phone: REDACTED,
        birthDate: REDACTED,
        prescription: REDACTED,
        // The changes table's dt is 2026-03-02: Alice was 35 that day.
        ageBand: '30-39',
        customerId: 'cus_1',
        marketingOptIn: true,
        tags: ['vip', 'contact-lens'],
        preferences: { preferredStoreId: 'st_a', contactChannel: 'email' },
        pointsBalance: 120,
      });
    }
    expect(row.new_image?.version).toBe(2);
  });

  it('redacts feedback text and points notes, on INSERT and REMOVE alike', () => {
    const inserted = changeRowOf(streamRecord(undefined, feedback)).row;
    expect(inserted.new_image).toMatchObject({ message: REDACTED, kind: 'complaint', status: 'open' });
    const removed = changeRowOf(streamRecord(pointsEntry, undefined)).row;
    expect(removed.old_image).toMatchObject({ note: REDACTED, delta: 50, reason: 'adjusted' });
    expect(JSON.stringify([inserted, removed])).not.toMatch(PERSONAL);
  });

  it('leaves other entities as they are', () => {
    const order = orderItem('PAID', { customerId: 'cus_1' });
    const { row } = changeRowOf(streamRecord(undefined, order));
    expect(row.new_image).toMatchObject({ customerId: 'cus_1', status: 'PAID', total: 9000 });
    expect(row.new_image).not.toHaveProperty('ageBand');
  });

  it('keeps absent and null personal fields as they were, and a customer without a birth date without a band', () => {
    const { birthDate: _born, ...unborn } = customerImage('cus_2', 'st_a', at);
    const image = lakeImageOf('Customer', { ...unborn, phone: null, preferences: null }, '2026-03-02');
    expect(image).not.toHaveProperty('birthDate');
    expect(image).not.toHaveProperty('ageBand');
    expect(image).toMatchObject({ phone: null, email: REDACTED });
    expect(lakeImageOf('Customer', null, '2026-03-02')).toBeNull();
  });

  it('gives the curated customers table the same age band from a redacted image as from the date', () => {
    const raw = customerImage('cus_1', 'st_a', at);
    const redacted = lakeImageOf('Customer', raw, '2026-11-30');
    const fromRaw = customerRow(raw, '2026-11-30', () => 'nsw');
    const fromRedacted = customerRow(redacted ?? {}, '2026-11-30', () => 'nsw');
    expect(fromRedacted).toEqual(fromRaw);
    expect(fromRedacted.age_band).toBe('30-39');
  });
});

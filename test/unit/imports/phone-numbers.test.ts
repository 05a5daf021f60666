import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { PHONE_METADATA_FILE, phoneMetadataFor } from '../../../infra/local/phone-metadata.js';
import { readCsv } from '../../../lib/imports/csv-table.js';
import { customerRowOf } from '../../../lib/imports/customer-rows.js';
import { PHONE_COUNTRIES, type PhoneCountry, phoneCell } from '../../../lib/imports/phone-numbers.js';

/** What the importer did with the full `min` metadata before it was cut to PHONE_COUNTRIES. */
const withFullMetadata = (value: string, country: PhoneCountry): string => {
  const parsed = parsePhoneNumberFromString(value, country);
  return parsed?.isValid() ? parsed.number : value;
};

describe('phone numbers in imports (the numbering plans of PHONE_COUNTRIES only)', () => {
  it('ships the plans of the installed libphonenumber-js for exactly those countries (npm run phone-metadata)', () => {
    const shipped = JSON.parse(readFileSync(PHONE_METADATA_FILE, 'utf8')) as Record<string, unknown>;
    expect(shipped).toEqual(phoneMetadataFor(PHONE_COUNTRIES));
    // AU's calling code is shared with Cocos and Christmas Islands: kept, so +61 parses as before.
    expect(shipped.country_calling_codes).toEqual({ '61': ['AU', 'CC', 'CX'], '64': ['NZ'] });
  });

  it('reads numbers of those countries exactly as the full metadata does', () => {
    const samples: [string, PhoneCountry][] = [
      ['0412 345 678', 'AU'],
      ['(02) 9876 5432', 'AU'],
      ['+61 412 345 678', 'AU'],
      ['+61 (0)412 345 678', 'AU'],
      ['1300 123 456', 'AU'],
      ['0412 345', 'AU'],
      ['+61 1234', 'AU'],
      ['021 123 4567', 'NZ'],
      ['(09) 123 4567', 'NZ'],
      ['+64 9 123 4567', 'NZ'],
      ['0412 345 678', 'NZ'],
      ['not a phone', 'AU'],
      ['', 'AU'],
    ];
    for (const [value, country] of samples)
      expect(phoneCell(value, 'phone', country), `${value} in ${country}`).toEqual({
        value: withFullMetadata(value, country),
      });
  });

  it('agrees with the full metadata on any national or +61/+64 number', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('0', '+61', '+64', '+61 (0)', '', '0011 61 '),
        fc.stringMatching(/^[0-9 ()-]{4,14}$/),
        fc.constantFrom(...PHONE_COUNTRIES),
        (prefix, rest, country) => {
          const value = `${prefix}${rest}`;
          const cell = phoneCell(value, 'phone', country);
          if ('value' in cell) expect(cell.value).toBe(withFullMetadata(value, country));
          else expect(withFullMetadata(value, country)).not.toMatch(/^\+6[14]/);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('passes a plain international number of another country as written, for the API schema to read', () => {
    expect(phoneCell('+44 20 7946 0958', 'phone', 'AU')).toEqual({ value: '+44 20 7946 0958' });
    expect(phoneCell('+1-415-555-0100', 'phone', 'NZ')).toEqual({ value: '+1-415-555-0100' });
  });

  it('makes another country’s number written any other way an issue of its column, not a guess', () => {
    for (const value of ['+44 (0)20 7946 0958', '0011 44 20 7946 0958'])
      expect(phoneCell(value, 'mobile', 'AU'), value).toEqual({
        issue: { column: 'mobile', reason: expect.stringContaining('reads phone numbers of AU and NZ') },
      });
  });

  it('rejects such a row with its line and column, and imports nothing of it', () => {
    const columns = ['firstName', 'lastName', 'phone'].map((name) => ({ name }));
    const [row] = readCsv('firstName,lastName,phone\nMia,Chen,+44 (0)20 7946 0958\n', columns);
    const parsed = customerRowOf(row as never, 'AU');
    expect(parsed.body).not.toHaveProperty('phone');
    expect(parsed.issues).toEqual([
      { column: 'phone', reason: expect.stringContaining('e.g. +442079460958') },
    ]);
  });
});

import { type MetadataJson, ParseError, parsePhoneNumberWithError } from 'libphonenumber-js/core/es6';
import type { Cell } from './cells.js';
import metadata from './phone-metadata.json' with { type: 'json' };

/**
 * The countries whose numbering plans the importer knows: the countries the stores trade in.
 * Their plans (libphonenumber-js's `min` metadata, cut to these countries and the countries
 * that share their calling codes) are lib/imports/phone-metadata.json, written by
 * `npm run phone-metadata`; the full metadata is 80 KiB of the import function's bundle, these
 * two plans 3 KiB (docs/performance.md, "Import, lake and event functions"). To trade in
 * another country, add it here and run the script; a unit test fails while the file is stale.
 */
export const PHONE_COUNTRIES = ['AU', 'NZ'] as const;
export type PhoneCountry = (typeof PHONE_COUNTRIES)[number];

export const isPhoneCountry = (value: string): value is PhoneCountry =>
  (PHONE_COUNTRIES as readonly string[]).includes(value);

const PHONE_METADATA = metadata as unknown as MetadataJson;

/** International format the API reads as it is: `+`, digits, spaces and dashes (its Phone schema drops those). */
const PLAIN_INTERNATIONAL = /^\+[1-9][\d\s-]*$/;

/**
 * A phone number as E.164, reading national numbers in `country` (`0412 345 678` in AU is
 * `+61412345678`). A number the plans cannot read (too short, not a number) is left as
 * written, for the API schema to refuse with its own message. A number of a calling code
 * outside the known plans passes as written when it is plain international format, which the
 * API's own schema reads the same way; written any other way (`+44 (0)20 …`, `0011 44 …`)
 * it is an issue of its column rather than a guess.
 */
export const phoneCell = (value: string, column: string, country: PhoneCountry): Cell<string> => {
  try {
    const parsed = parsePhoneNumberWithError(value, country, PHONE_METADATA);
    return { value: parsed.isValid() ? parsed.number : value };
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    if (error.message !== 'INVALID_COUNTRY' || PLAIN_INTERNATIONAL.test(value.trim())) return { value };
    return {
      issue: {
        column,
        reason: `The importer reads phone numbers of ${PHONE_COUNTRIES.join(' and ')}; write "${value}" as + and its country code and digits, e.g. +442079460958.`,
      },
    };
  }
};

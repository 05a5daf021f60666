/**
 * Writes lib/imports/phone-metadata.json: libphonenumber-js's `min` metadata cut to the
 * importer's countries (PHONE_COUNTRIES) and every country sharing one of their calling codes
 * (so a number of such a code parses exactly as with the full metadata). `npm run phone-metadata`
 * after adding a country or upgrading libphonenumber-js; test/unit/imports/phone-numbers.test.ts
 * fails while the file is stale. Written here rather than with libphonenumber-metadata-generator,
 * which builds from Google's XML: the installed package's own metadata is the source of truth.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { MetadataJson } from 'libphonenumber-js/core/es6';
import { PHONE_COUNTRIES } from '../../lib/imports/phone-numbers.js';
import { REPO_ROOT } from './repo-paths.js';

interface MinMetadata {
  version: number;
  country_calling_codes: Record<string, string[]>;
  countries: Record<string, unknown>;
}

export const PHONE_METADATA_FILE = path.join(REPO_ROOT, 'lib/imports/phone-metadata.json');

/** The installed min metadata, cut to `countries` and the countries that share their calling codes. */
export const phoneMetadataFor = (countries: readonly string[]): MetadataJson => {
  const full = createRequire(import.meta.url)('libphonenumber-js/metadata.min.json') as MinMetadata;
  const codes = Object.entries(full.country_calling_codes).filter(([, members]) =>
    members.some((member) => countries.includes(member)),
  );
  const kept = codes.flatMap(([, members]) => members);
  return {
    version: full.version,
    country_calling_codes: Object.fromEntries(codes),
    countries: Object.fromEntries(kept.map((country) => [country, full.countries[country]])),
  } as unknown as MetadataJson;
};

export const phoneMetadataJson = (): string => `${JSON.stringify(phoneMetadataFor(PHONE_COUNTRIES))}\n`;

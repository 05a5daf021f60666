/** `npm run phone-metadata`: rewrites lib/imports/phone-metadata.json (infra/local/phone-metadata.ts). */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PHONE_COUNTRIES } from '../../lib/imports/phone-numbers.js';
import { PHONE_METADATA_FILE, phoneMetadataJson } from './phone-metadata.js';
import { REPO_ROOT } from './repo-paths.js';

writeFileSync(PHONE_METADATA_FILE, phoneMetadataJson());
// In the repository's JSON style, so that `npx biome check .` stays clean.
execFileSync(path.join(REPO_ROOT, 'node_modules/.bin/biome'), ['format', '--write', PHONE_METADATA_FILE], {
  stdio: 'ignore',
});
console.log(`wrote ${path.relative(REPO_ROOT, PHONE_METADATA_FILE)} for ${PHONE_COUNTRIES.join(', ')}`);

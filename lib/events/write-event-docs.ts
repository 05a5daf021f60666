/** `npm run events:docs`: writes docs/events.md and events/domain/*.json from the event catalog. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_CATALOG } from './event-catalog.js';
import { EVENTS_DOC_PATH, renderEventsDoc, SAMPLES_DIR, sampleEvent, sampleFileName } from './event-docs.js';

writeFileSync(EVENTS_DOC_PATH, renderEventsDoc());
mkdirSync(SAMPLES_DIR, { recursive: true });
const wanted = new Set(EVENT_CATALOG.map(sampleFileName));
for (const file of readdirSync(SAMPLES_DIR)) if (!wanted.has(file)) rmSync(join(SAMPLES_DIR, file));
for (const definition of EVENT_CATALOG)
  writeFileSync(
    join(SAMPLES_DIR, sampleFileName(definition)),
    `${JSON.stringify(sampleEvent(definition), null, 2)}\n`,
  );
// The repository's formatter decides the JSON layout (the check compares parsed samples).
execFileSync('node_modules/.bin/biome', ['format', '--write', SAMPLES_DIR], { stdio: 'ignore' });
process.stdout.write(`wrote ${EVENTS_DOC_PATH} and ${EVENT_CATALOG.length} samples in ${SAMPLES_DIR}/\n`);

/**
 * `npm run bench:docs [-- <bench json>]`: rewrites docs/performance.md's table of every
 * function's bytes and cold import from a benchmark run (default `.data/bench/latest.json`, which
 * `npm run bench` or `npm run bench -- --only bundles` writes).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PERFORMANCE_DOC_PATH, readPerformanceDoc } from '../capacity/capacity-doc.js';
import { DEFAULT_LOCAL_STATE_DIR } from '../repo-paths.js';
import type { BenchRun } from './bench-report.js';
import { withBundlesBlock } from './bundles-doc.js';

const file = process.argv[2] ?? join(DEFAULT_LOCAL_STATE_DIR, 'bench', 'latest.json');
const run = JSON.parse(readFileSync(file, 'utf8')) as BenchRun;
writeFileSync(PERFORMANCE_DOC_PATH, withBundlesBlock(readPerformanceDoc(), run));
process.stdout.write(`wrote the bundles table of ${PERFORMANCE_DOC_PATH} from ${file}\n`);

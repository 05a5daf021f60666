/**
 * `npm run sims:docs`: regenerates the deterministic part of docs/performance.md's "Cold starts
 * across the fleet" (the seeded fleet simulation). test/unit/simulations/fleet-doc.test.ts fails
 * when the doc is stale. The hot-SKU figures are timings and come from `npm run bench` instead.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../repo-paths.js';
import { renderFleetSection, replaceFleetSection } from './fleet/fleet-doc.js';
import { simulateFleet } from './fleet/fleet-simulation.js';

const file = join(REPO_ROOT, 'docs/performance.md');
writeFileSync(file, replaceFleetSection(readFileSync(file, 'utf8'), renderFleetSection(simulateFleet())));
console.log(`wrote ${file}`);

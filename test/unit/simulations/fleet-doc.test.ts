import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appDefinition } from '../../../infra/app-definition.js';
import { REPO_ROOT } from '../../../infra/local/repo-paths.js';
import {
  FLEET_BEGIN,
  FLEET_END,
  renderFleetSection,
} from '../../../infra/local/simulations/fleet/fleet-doc.js';
import { simulateFleet } from '../../../infra/local/simulations/fleet/fleet-simulation.js';

describe('docs/performance.md, "Cold starts across the fleet"', () => {
  it('holds the seeded fleet simulation as it runs today (npm run sims:docs regenerates it)', () => {
    const doc = readFileSync(join(REPO_ROOT, 'docs/performance.md'), 'utf8');
    const current = doc.slice(doc.indexOf(FLEET_BEGIN), doc.indexOf(FLEET_END) + FLEET_END.length);
    const section = renderFleetSection(simulateFleet());
    expect(section).toContain(`| per-route | ${Object.keys(appDefinition.functions).length} |`);
    expect(current).toBe(section);
  });
});

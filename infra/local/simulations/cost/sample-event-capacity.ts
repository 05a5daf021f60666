import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../repo-paths.js';
import { withMeteredSession } from './metered-session.js';
import type { OperationCapacity } from './order-workload.js';

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * A stand-in for part B's `measureOperations()` until that part is merged: every HTTP function
 * with a sample event (events/http/<kebab-name>.json) is invoked once in-process on freshly
 * seeded demo data and metered. No budget of its own: the budget reported is the measurement.
 * Destructive samples (erase, disable, remove, cancel, refund) run last so that they do not
 * change what the others read; a sample that does not answer 2xx is left out (not measured).
 */
export const measureSampleEvents = async (): Promise<OperationCapacity[]> =>
  withMeteredSession(async ({ meter, invoke }) => {
    const [{ httpRoutes }, { routeKeyOf }] = await Promise.all([
      import('../../../app-definition.js'),
      import('./order-workload.js'),
    ]);
    const destructive = /^(erase|disable|remove|cancel|refund)/;
    const routes = httpRoutes().sort(
      (a, b) => Number(destructive.test(a.functionName)) - Number(destructive.test(b.functionName)),
    );
    const measured: OperationCapacity[] = [];
    for (const { functionName, route } of routes) {
      const file = join(REPO_ROOT, 'events/http', `${kebab(functionName)}.json`);
      if (!existsSync(file)) continue;
      const event: unknown = JSON.parse(readFileSync(file, 'utf8'));
      const { units, result } = await meter(() => invoke(functionName, event));
      const status = (result as { statusCode?: number }).statusCode;
      if (!status || status >= 300) continue;
      measured.push({
        operation: `${functionName} (sample event)`,
        route: routeKeyOf(route.method, route.path),
        read: units.read,
        write: units.write,
        budget: units,
      });
    }
    return measured;
  });

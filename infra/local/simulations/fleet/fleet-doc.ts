import { httpRoutes } from '../../../app-definition.js';
import { US_EAST_1_PRICES } from '../cost/prices.js';
import {
  FLEET_SEED,
  type FleetSimulation,
  HEADLINE_IDLE_MINUTES,
  IDLE_SENSITIVITY,
  LIFETIME_HOURS,
  scenarioOf,
} from './fleet-simulation.js';
import { DEFAULT_INIT, PACKAGINGS } from './packaging.js';
import { activities, STORES } from './request-mix.js';

export const FLEET_BEGIN = '<!-- fleet:begin (npm run sims:docs) -->';
export const FLEET_END = '<!-- fleet:end -->';

/** The till's checkout: what a customer at the counter waits for. */
export const CHECKOUT_FUNCTIONS = [
  'createOrder',
  'recordOrderPayment',
  'fulfilOrder',
  'completeOrder',
] as const;

const fmt = (value: number, digits = 2) => value.toLocaleString('en', { maximumFractionDigits: digits });

/** Expected requests per activity (the sum of its steps' counts). */
const requestsPerActivity = (steps: readonly { count: number }[]) =>
  steps.reduce((sum, s) => sum + s.count, 0);

/** The generated part of docs/performance.md's "Cold starts across the fleet": deterministic (seeded). */
export const renderFleetSection = (simulation: FleetSimulation): string => {
  const headline = (packaging: (typeof PACKAGINGS)[number]) =>
    scenarioOf(simulation, packaging, HEADLINE_IDLE_MINUTES).result;
  const checkout = (packaging: (typeof PACKAGINGS)[number]) => {
    const result = headline(packaging);
    const requests = CHECKOUT_FUNCTIONS.reduce((sum, fn) => sum + (simulation.byFunction[fn] ?? 0), 0);
    const cold = CHECKOUT_FUNCTIONS.reduce((sum, fn) => sum + (result.coldStartsByFunction[fn] ?? 0), 0);
    return { cold, requests };
  };
  const httpFunctions = new Set(httpRoutes().map((route) => route.functionName as string));
  const perApiRequest = (packaging: (typeof PACKAGINGS)[number]) => {
    const result = headline(packaging);
    let requests = 0;
    let cold = 0;
    for (const [fn, count] of Object.entries(simulation.byFunction))
      if (httpFunctions.has(fn)) {
        requests += count;
        cold += result.coldStartsByFunction[fn] ?? 0;
      }
    return (cold / requests) * 1000;
  };
  const activityRows = activities.map((activity) => {
    const perDay = activity.perHour.reduce((sum, n) => sum + n, 0);
    return `| ${activity.name} | ${activity.description} | ${fmt(Math.max(...activity.perHour), 0)} | ${fmt(perDay, 0)} | ${fmt(requestsPerActivity(activity.steps), 1)} |`;
  });
  const gbSecondPrice = US_EAST_1_PRICES.lambdaArmPerGbSecond;
  return [
    FLEET_BEGIN,
    '',
    `Seed ${FLEET_SEED}; ${STORES} stores; ${fmt(simulation.invocations, 0)} invocations in the day (HTTP requests, schedules, stream batches, bus rules). Environment lifetime ${LIFETIME_HOURS[0]}–${LIFETIME_HOURS[1]} h; INIT ${DEFAULT_INIT.routeInitMs} ms per route function, +${DEFAULT_INIT.perExtraHandler * 100} % per further handler in a shared one.`,
    '',
    '| activity | what | per hour at peak | per day | requests each |',
    '|---|---|---:|---:|---:|',
    ...activityRows,
    '',
    `At ${HEADLINE_IDLE_MINUTES} minutes idle reclaim:`,
    '',
    '| packaging | functions | cold starts / day | per 1,000 invocations | per 1,000 API requests | per 1,000 checkout requests | INIT s / day | INIT $ / month | handlers with grants they do not need | of which read-only could write |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...PACKAGINGS.map((packaging) => {
      const result = headline(packaging);
      const c = checkout(packaging);
      const privileges = simulation.privileges[packaging];
      return `| ${packaging} | ${simulation.deployUnits[packaging]} | ${fmt(result.coldStarts, 0)} | ${fmt(result.coldStartsPer1000)} | ${fmt(perApiRequest(packaging))} | ${fmt((c.cold / c.requests) * 1000)} | ${fmt(result.initSeconds, 0)} | $${(result.initGbSeconds * gbSecondPrice * 30).toFixed(3)} | ${privileges.overPrivileged} of ${privileges.functions} | ${privileges.readersThatCouldWrite} |`;
    }),
    '',
    'Cold starts per 1,000 invocations by idle reclaim (Lambda does not publish it):',
    '',
    `| idle minutes | ${PACKAGINGS.join(' | ')} | per-domain ÷ per-route |`,
    `|---:|${PACKAGINGS.map(() => '---:').join('|')}|---:|`,
    ...IDLE_SENSITIVITY.map((idle) => {
      const values = PACKAGINGS.map((p) => scenarioOf(simulation, p, idle).result.coldStartsPer1000);
      return `| ${idle} | ${values.map((v) => fmt(v)).join(' | ')} | ${fmt((values[1] ?? 0) / (values[0] ?? 1))} |`;
    }),
    '',
    'What one function per domain would let handlers do that they cannot today:',
    '',
    '| domain function | its grants | handlers that would carry grants they do not need |',
    '|---|---|---|',
    ...simulation.privileges['per-domain'].units.map(
      (unit) => `| ${unit.unit} | ${unit.grants.join(', ')} | ${unit.overPrivileged.join(', ')} |`,
    ),
    '',
    FLEET_END,
  ].join('\n');
};

/** A document with its generated fleet section replaced. */
export const replaceFleetSection = (doc: string, section: string): string => {
  const begin = doc.indexOf(FLEET_BEGIN);
  const end = doc.indexOf(FLEET_END);
  if (begin < 0 || end < begin)
    throw new Error('docs/performance.md lacks its fleet:begin / fleet:end markers');
  return doc.slice(0, begin) + section + doc.slice(end + FLEET_END.length);
};

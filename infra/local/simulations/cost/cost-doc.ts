import type { CostEstimate } from './cost-estimate.js';
import { type CostReport, SERVICES, type UsageLine } from './cost-model.js';
import { ORDER_TAIL } from './order-workload.js';
import type { PriceTable } from './prices.js';

export const COST_BEGIN = '<!-- cost:begin (npm run cost -- --write) -->';
export const COST_END = '<!-- cost:end -->';

const usd = (value: number): string =>
  value === 0
    ? '$0'
    : value >= 100
      ? `$${value.toFixed(0)}`
      : value >= 1
        ? `$${value.toFixed(2)}`
        : `$${value.toPrecision(2)}`;
const num = (value: number, digits = 2): string => String(Math.round(value * 10 ** digits) / 10 ** digits);

const byServiceTable = (report: CostReport): string[] => [
  '| service | cost | share |',
  '|---|---:|---:|',
  ...SERVICES.map(
    (service) =>
      `| ${service} | ${usd(report.byService[service])} | ${report.total === 0 ? '0' : Math.round((report.byService[service] / report.total) * 100)} % |`,
  ),
  `| **total** | **${usd(report.total)}** | 100 % |`,
];

export interface CostDocInputs {
  estimate: CostEstimate;
  prices: PriceTable;
  /** Where the units came from, in words. */
  unitsSource: string;
  measuredDurations: readonly string[];
  /** The tail's metered units (measure-tail.ts), when metered. */
  measuredTail?: { rollup: { read: number; write: number }; expiryRun: { read: number; write: number } };
  /** Extra scenarios priced the same way, total per 1,000 orders. */
  scenarios: readonly { name: string; per1000Orders: number }[];
  generatedOn: string;
}

const lineRow = (line: UsageLine, cost: number): string =>
  `| ${line.name} | ${num(line.count / 1000)} | ${line.http ? 'yes' : ''} | ${num(line.readUnits)} | ${num(line.writeUnits)} | ${num(line.durationMs, 0)} | ${line.memoryMb} | ${num(line.coldStartsPer1000, 1)} | ${num(line.events)} | ${usd(cost)} |`;

/** The generated part of docs/cost.md: inputs as used, the cost per 1,000 orders, the month's bill. */
export const renderCostSection = (inputs: CostDocInputs): string => {
  const { estimate, prices } = inputs;
  const per1000 = estimate.per1000Orders;
  const month = estimate.month;
  return [
    COST_BEGIN,
    '',
    `Generated on ${inputs.generatedOn} by \`npm run cost -- --write\`. Prices: ${prices.region}, read ${prices.checkedOn} (sources below). Units: ${inputs.unitsSource}. Durations measured by the benchmark: ${inputs.measuredDurations.length > 0 ? inputs.measuredDurations.join(', ') : 'none yet (all assumed, infra/local/simulations/assumed-durations.ts)'}.`,
    '',
    '### Cost per 1,000 POS orders',
    '',
    'One order = the request mix’s till sale (customer lookup 0.4, product check 0.3, order, payment 1.1, hand-over, completion, receipt 0.3) and its tail (stream batches, bus events, audit, report rollups).',
    '',
    '| function | per order | HTTP | RRU each | WRU each | ms each | MB | cold / 1,000 | events each | per 1,000 orders |',
    '|---|---:|---|---:|---:|---:|---:|---:|---:|---:|',
    ...per1000.lines.map((line, i) => lineRow(line, per1000.report.byLine[i]?.total ?? 0)),
    '',
    ...byServiceTable(per1000.report),
    '',
    ...(inputs.scenarios.length > 0
      ? [
          '| scenario | per 1,000 orders |',
          '|---|---:|',
          `| as measured | ${usd(per1000.report.total)} |`,
          ...inputs.scenarios.map((s) => `| ${s.name} | ${usd(s.per1000Orders)} |`),
          '',
        ]
      : []),
    '### The month’s bill for the stated workload',
    '',
    `The simulated trading day of the 20-store group (docs/performance.md, "Cold starts across the fleet") × 30 days: ${Math.round(month.requestsPerMonth).toLocaleString('en')} API requests and ${Math.round(month.ordersPerMonth).toLocaleString('en')} orders a month, one function per route, cold starts as simulated at 10 min idle.`,
    '',
    ...byServiceTable(month.report),
    '',
    `That is ${usd((month.report.total / month.ordersPerMonth) * 1000)} per 1,000 orders fully loaded (browsing, staff and office traffic included).${month.unmeasured.length > 0 ? ` Not measured (priced at 0 units): ${month.unmeasured.join(', ')}.` : ''} The five most expensive lines:`,
    '',
    '| function | invocations / month | cost |',
    '|---|---:|---:|',
    ...[...month.report.byLine]
      .sort((a, b) => b.total - a.total)
      .slice(0, 5)
      .map(
        (line) => `| ${line.name} | ${Math.round(line.count).toLocaleString('en')} | ${usd(line.total)} |`,
      ),
    '',
    inputs.measuredTail
      ? `The tail, metered (measure-tail.ts, the demo data): the report rollups of a paid 2-line order ${num(inputs.measuredTail.rollup.read)} RRU + ${num(inputs.measuredTail.rollup.write)} WRU; a run of the unpaid-order expiry that finds nothing to expire (its second on the demo data), as most runs do: ${num(inputs.measuredTail.expiryRun.read)} RRU + ${num(inputs.measuredTail.expiryRun.write)} WRU.`
      : `The report rollups of a paid order, assumed: ${ORDER_TAIL.rollupWrites} WRU.`,
    '',
    `The tail, assumed: ${ORDER_TAIL.publishedChanges} published changes per order, one bus event and one audit item (${ORDER_TAIL.auditWritesPerChange} WRU) each; ${ORDER_TAIL.s3PutsPerExportBatch} S3 PUT per change-export batch; stream batches per order from the simulated day (${num(estimate.batchesPerOrder.publishDomainEvents, 3)} event-publisher, ${num(estimate.batchesPerOrder.exportChanges, 4)} change-exporter). Other scheduled and bus functions are priced for Lambda only.`,
    '',
    COST_END,
  ].join('\n');
};

/** docs/cost.md with its generated section replaced. */
export const replaceCostSection = (doc: string, section: string): string => {
  const begin = doc.indexOf(COST_BEGIN);
  const end = doc.indexOf(COST_END);
  if (begin < 0 || end < begin) throw new Error('docs/cost.md lacks its cost:begin / cost:end markers');
  return doc.slice(0, begin) + section + doc.slice(end + COST_END.length);
};

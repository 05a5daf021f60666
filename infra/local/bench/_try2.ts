import { stopBenchRuntime } from './bench-runtime.js';
import { benchOrders } from './orders-bench.js';

const t = performance.now();
const figures = await benchOrders({ quick: process.argv.includes('--quick') });
console.table(
  figures.map(({ name, value, baseline, ratio, detail }) => ({
    name,
    value: value.toFixed(2),
    baseline: baseline?.toFixed(2),
    ratio: ratio?.toFixed(2),
    detail,
  })),
);
console.log('took', ((performance.now() - t) / 1000).toFixed(1), 's');
await stopBenchRuntime();

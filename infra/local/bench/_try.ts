import { benchWarm } from './warm-bench.js';
import { stopBenchRuntime } from './bench-runtime.js';
const t = performance.now();
const figures = await benchWarm({ quick: process.argv.includes('--quick') });
console.table(figures.map(({ name, value, baseline, detail }) => ({ name, value: value.toFixed(3), baseline: baseline?.toFixed(3), detail })));
console.log('took', ((performance.now() - t) / 1000).toFixed(1), 's');
await stopBenchRuntime();

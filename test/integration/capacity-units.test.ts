import { it } from 'vitest';
import { seedDemoData } from '../../infra/local/seed.js';
import { runOperations } from '../../infra/local/capacity/run-operations.js';

it('prints', async () => {
  process.env.IMPORTS_BUCKET = 'storefleet-imports-it';
  await seedDemoData();
  const t0 = performance.now();
  const readings = await runOperations();
  console.log('ms', performance.now() - t0);
  const { writeFileSync } = await import('node:fs');
  writeFileSync('/tmp/cap/readings.json', JSON.stringify(readings, null, 1));
  for (const r of readings) console.log(r.operation.padEnd(50), r.route.padEnd(50), r.reading.read, r.reading.write, r.reading.calls.map((c) => `${c.command}${c.items ? "[" + c.items + "]" : ""}:${c.read || c.write}${Object.keys(c.indexes).length ? JSON.stringify(c.indexes) : ''}${c.failed ? '!' + c.failed : ''}`).join(' '));
});

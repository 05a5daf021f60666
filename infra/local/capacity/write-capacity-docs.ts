/**
 * `npm run perf:docs`: measures every operation's capacity units (DynamoDB Local, demo data)
 * and rewrites the generated tables of docs/performance.md, "Capacity units per operation".
 * Exits 1 when an operation is over its budget (the doc still shows what was measured).
 */
import { writeFileSync } from 'node:fs';
import { PERFORMANCE_DOC_PATH, readPerformanceDoc, withCapacityTables } from './capacity-doc.js';
import { measureOperations, overBudget } from './measure-operations.js';

const measured = await measureOperations();
writeFileSync(PERFORMANCE_DOC_PATH, withCapacityTables(readPerformanceDoc(), measured));
process.stdout.write(
  `wrote the capacity tables of ${PERFORMANCE_DOC_PATH} (${measured.length} operations)\n`,
);
const over = overBudget(measured);
if (over.length > 0) {
  process.stderr.write(`over budget (infra/local/capacity/capacity-budgets.ts):\n  ${over.join('\n  ')}\n`);
  process.exitCode = 1;
}

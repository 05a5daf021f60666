/**
 * Runs one benchmark section in this process and writes its figures as JSON to the file named
 * on the command line: `section-process.ts <section> <quick|full> <out.json>`. Started by the
 * runner (infra/local/benchmark.ts), one process per section.
 */
import { writeFile } from 'node:fs/promises';
import { stopBenchRuntime } from './bench-runtime.js';
import { sectionNamed } from './sections.js';

const [name = '', mode = 'full', out = ''] = process.argv.slice(2);
const entry = sectionNamed(name);
if (!entry || out === '') {
  console.error('usage: section-process.ts <section> <quick|full> <out.json>');
  process.exit(2);
}
try {
  const section = await entry.load();
  const figures = await section({ quick: mode === 'quick' });
  await writeFile(out, JSON.stringify(figures));
} finally {
  await stopBenchRuntime();
}
// Nothing of a section may keep the process alive (sockets of SDK clients, timers).
process.exit(0);

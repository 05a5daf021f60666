/**
 * `npm run report -- [<job>|all] [--date <day>]`: runs the lake's daily jobs locally for a day
 * (default yesterday, UTC; `today` is allowed, to see the day so far), on the running npm
 * start's lake or on `.data/s3` when none runs, and says which. Re-running a day rewrites the
 * same files.
 */
import { parseArgs } from 'node:util';
import { isLakeDay, lakeDayOf, previousDay } from '../../lib/lake/lake-days.js';
import { dailyLakeJobs } from './daily-lake-jobs.js';
import { openLocalLake } from './lake-location.js';

const USAGE = `Usage: npm run report -- [<job>|all] [--date <YYYY-MM-DD|today|yesterday>]

Runs the lake's daily jobs for a day (default: yesterday, UTC), in order:
${dailyLakeJobs.map((job) => `  ${job.name.padEnd(10)} ${job.description}`).join('\n')}
  all        every job above (the default)`;

const fail = (message: string, code = 2): never => {
  process.stderr.write(`report: ${message}\n`);
  process.exit(code);
};

const { values, positionals } = (() => {
  try {
    return parseArgs({
      options: { date: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n\n${USAGE}`);
  }
})();
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const today = lakeDayOf(new Date());
const day = (() => {
  const given = values.date ?? 'yesterday';
  if (given === 'today') return today;
  if (given === 'yesterday') return previousDay(today);
  return isLakeDay(given)
    ? given
    : fail(`--date must be a day (YYYY-MM-DD), today or yesterday, not "${given}".`);
})();

if (positionals.length > 1) fail(`give one job name.\n\n${USAGE}`);
const wanted = positionals[0] ?? 'all';
const jobs = wanted === 'all' ? dailyLakeJobs : dailyLakeJobs.filter((job) => job.name === wanted);
if (jobs.length === 0)
  fail(`no job "${wanted}"; there are: ${[...dailyLakeJobs.map((job) => job.name), 'all'].join(', ')}`);

const lake = await openLocalLake();
process.stderr.write(`Running the daily lake jobs for ${day} on ${lake.description}\n`);
try {
  for (const job of jobs) {
    const started = performance.now();
    const summary = await job.run({ s3: lake.s3, bucket: lake.bucket, day });
    const fields = Object.entries(summary)
      .map(([field, value]) => `${field}=${value}`)
      .join(' ');
    process.stdout.write(`${job.name}: ${fields} (${(performance.now() - started).toFixed(0)} ms)\n`);
  }
} catch (error) {
  process.exitCode = 1;
  process.stderr.write(`report: ${(error as Error).message}\n`);
} finally {
  await lake.close();
}

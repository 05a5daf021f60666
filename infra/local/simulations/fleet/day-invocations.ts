import { functionsWithTrigger } from '../../../app-definition.js';
import type { AppDefinition } from '../../../app-definition-types.js';
import { tableAccessOf } from '../../../bindings.js';
import { occurrences, type SeededRandom } from '../seeded-random.js';
import { type Activity, activities, type Reaction, reactions } from './request-mix.js';

/** One invocation of one function, `at` seconds after midnight. */
export interface Invocation {
  at: number;
  fn: string;
}

export const DAY_SECONDS = 24 * 3600;

/**
 * The times of a schedule expression within one day, for the two forms the app definition uses:
 * `rate(N minutes|hours)` and `cron(M H * * ? *)` (a fixed minute and hour). The group trades in
 * one time zone, so a cron hour is taken as local time. Anything else is refused rather than guessed.
 */
export const scheduleTimes = (expression: string): number[] => {
  const rate = /^rate\((\d+) (minute|minutes|hour|hours)\)$/.exec(expression);
  if (rate) {
    const step = Number(rate[1]) * (rate[2]?.startsWith('hour') ? 3600 : 60);
    return Array.from({ length: Math.floor(DAY_SECONDS / step) }, (_, i) => i * step);
  }
  const cron = /^cron\((\d+) (\d+) \* \* \? \*\)$/.exec(expression);
  if (cron) return [Number(cron[2]) * 3600 + Number(cron[1]) * 60];
  throw new Error(`Schedule ${expression} is not a form the fleet simulation understands`);
};

/** Poisson arrivals of one activity over the day, at its hourly rates (piecewise constant). */
const activityStarts = (activity: Activity, random: SeededRandom): number[] => {
  const starts: number[] = [];
  activity.perHour.forEach((perHour, hour) => {
    if (perHour <= 0) return;
    const rate = perHour / 3600;
    // The exponential gap is memoryless, so restarting at each hour boundary is exact.
    for (let t = hour * 3600 + random.exponential(rate); t < (hour + 1) * 3600; t += random.exponential(rate))
      starts.push(t);
  });
  return starts;
};

/**
 * Stream readers: records of a write reach the reader in batches; a batch opens with its first
 * record and is invoked when the batching window closes or the batch is full (Lambda's event
 * source mapping; records are never delivered singly while a window is open).
 */
const streamBatches = (
  writes: number[],
  windowSeconds: number,
  batchSize: number,
  fn: string,
): Invocation[] => {
  const out: Invocation[] = [];
  let openedAt: number | undefined;
  let records = 0;
  for (const at of writes) {
    if (openedAt !== undefined && at >= openedAt + windowSeconds) {
      out.push({ at: openedAt + windowSeconds, fn });
      openedAt = undefined;
    }
    if (openedAt === undefined) {
      openedAt = at;
      records = 0;
    }
    records += 1;
    if (records >= batchSize) {
      out.push({ at, fn });
      openedAt = undefined;
    }
  }
  if (openedAt !== undefined) out.push({ at: Math.min(openedAt + windowSeconds, DAY_SECONDS - 1), fn });
  return out;
};

export interface DayOptions {
  random: SeededRandom;
  app: AppDefinition;
  mix?: readonly Activity[];
  reactionsOf?: readonly Reaction[];
}

/**
 * Every invocation of a trading day, sorted by time: the client activities of the request mix,
 * the reactions they cause, the app definition's schedules, and the stream readers' batches of
 * the day's writes (every invocation of a function that may write the table writes it).
 */
export const dayInvocations = (options: DayOptions): Invocation[] => {
  const { random, app } = options;
  const mix = options.mix ?? activities;
  const out: Invocation[] = [];
  for (const activity of mix)
    for (const start of activityStarts(activity, random))
      for (const step of activity.steps) {
        const times = occurrences(step.count, random);
        for (let i = 0; i < times; i += 1) {
          // Repeated steps of one activity (a second product page) follow a few seconds apart.
          const at = start + step.afterSeconds + i * 5;
          if (at < DAY_SECONDS) out.push({ at, fn: step.fn });
        }
      }
  const reactionsOfMix = options.reactionsOf ?? reactions;
  for (const invocation of [...out])
    for (const reaction of reactionsOfMix.filter((candidate) => candidate.after === invocation.fn))
      if (random.next() < reaction.probability && invocation.at + reaction.afterSeconds < DAY_SECONDS)
        out.push({ at: invocation.at + reaction.afterSeconds, fn: reaction.fn });
  for (const { functionName, trigger } of functionsWithTrigger('schedule', app))
    for (const at of scheduleTimes(trigger.expression)) out.push({ at, fn: functionName });
  const writes = out
    .filter((invocation) => {
      const fn = app.functions[invocation.fn];
      return fn !== undefined && tableAccessOf(fn) !== 'read' && tableAccessOf(fn) !== 'none';
    })
    .map((invocation) => invocation.at)
    .sort((a, b) => a - b);
  for (const { functionName, trigger } of functionsWithTrigger('stream', app))
    out.push(...streamBatches(writes, trigger.maximumBatchingWindowSeconds, trigger.batchSize, functionName));
  return out.sort((a, b) => a.at - b.at);
};

/**
 * Scheduled functions locally: each `schedule` trigger runs its function every
 * `localEveryMinutes` (EventBridge's expression is not interpreted), with the event
 * an EventBridge rule sends. A failure is logged; AWS would retry it and then dead-letter it.
 */
import { randomUUID } from 'node:crypto';
import type { ScheduledEvent } from 'aws-lambda';
import { type FunctionName, functionsWithTrigger } from '../app-definition.js';
import { LOCAL_ACCOUNT_ID } from './api-gateway-event.js';
import { LOCAL_AWS } from './dynamodb-local.js';
import { invokeFunction } from './function-invoker.js';

export const scheduledEvent = (functionName: string, at = new Date()): ScheduledEvent => ({
  version: '0',
  id: randomUUID(),
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: LOCAL_ACCOUNT_ID,
  time: `${at.toISOString().slice(0, 19)}Z`,
  region: LOCAL_AWS.region,
  resources: [`arn:aws:events:${LOCAL_AWS.region}:${LOCAL_ACCOUNT_ID}:rule/storefleet-local-${functionName}`],
  detail: {},
});

/** Starts the timers; call after the local environment is applied. */
export const startLocalSchedules = (options: { quiet?: boolean } = {}): { stop(): void } => {
  const running = new Set<FunctionName>();
  const run = async (name: FunctionName) => {
    // A run still going when the next is due is skipped rather than piled up.
    if (running.has(name)) return;
    running.add(name);
    const started = performance.now();
    try {
      await invokeFunction(name, scheduledEvent(name));
      if (!options.quiet) {
        process.stdout.write(`schedule ${name} -> ok (${(performance.now() - started).toFixed(0)} ms)\n`);
      }
    } catch (error) {
      console.error(`[schedule] ${name} failed:`, error);
    } finally {
      running.delete(name);
    }
  };
  const timers = functionsWithTrigger('schedule').map(({ functionName, trigger }) => {
    const timer = setInterval(() => void run(functionName), trigger.localEveryMinutes * 60_000);
    timer.unref();
    return timer;
  });
  return {
    stop: () => {
      for (const timer of timers) clearInterval(timer);
    },
  };
};

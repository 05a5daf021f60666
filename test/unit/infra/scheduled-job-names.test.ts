import { describe, expect, it } from 'vitest';
import { functionsWithTrigger } from '../../../infra/app-definition.js';

/**
 * A scheduled job's metrics carry its name as the `job` dimension, and the CDK alarms watch the
 * app definition's function name. Handlers cannot import infra/ to check it, so this test does.
 */
describe('scheduled job names', () => {
  const schedules = functionsWithTrigger('schedule');

  it.each(schedules.map(({ functionName, fn }) => [functionName, fn.entry]))(
    '%s names its job as the app definition does',
    async (functionName, entry) => {
      const module = (await import(`../../../${entry.replace(/\.ts$/, '.js')}`)) as {
        handler: { jobName?: string };
      };
      expect(module.handler.jobName).toBe(functionName);
    },
  );
});

import type { ScheduledEvent } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lambdaContext } from '../../../infra/local/lambda-context.js';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  vi.resetModules();
});

const context = lambdaContext('unitJob', {
  entry: 'functions/orders/expire-unpaid-orders.ts',
  description: 'A job under test',
  triggers: [],
  bindings: [],
});

describe('scheduledHandler', () => {
  it('publishes each numeric field of the job summary as a Count metric with the job as a dimension', async () => {
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
    vi.stubEnv('POWERTOOLS_METRICS_NAMESPACE', 'storefleet');
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const { scheduledHandler } = await import('../../../lib/runtime/scheduled-handler.js');
    const handler = scheduledHandler('unitJob', async () => ({ expired: 3, failed: 0, note: 'ignored' }));
    const summary = await handler({} as ScheduledEvent, context);
    vi.mocked(process.stdout.write).mockRestore();

    expect(summary).toEqual({ expired: 3, failed: 0, note: 'ignored' });
    const emf = lines
      .flatMap((line) => line.split('\n'))
      .filter((line) => line.includes('"_aws"'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((blob) => 'expired' in blob);
    expect(emf).toMatchObject({ job: 'unitJob', expired: 3, failed: 0 });
    expect(emf).not.toHaveProperty('note');
    if (!emf) throw new Error('no metrics were published');
    const directives = (emf._aws as { CloudWatchMetrics: { Metrics: { Name: string; Unit: string }[] }[] })
      .CloudWatchMetrics[0]?.Metrics;
    expect(directives).toEqual(
      expect.arrayContaining([
        { Name: 'expired', Unit: 'Count' },
        { Name: 'failed', Unit: 'Count' },
      ]),
    );
  });
});

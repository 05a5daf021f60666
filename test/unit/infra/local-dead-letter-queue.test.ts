import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startLocalDeadLetterQueue } from '../../../infra/local/local-dead-letter-queue.js';

const dir = mkdtempSync(join(tmpdir(), 'dead-letters-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the local dead-letter queue', () => {
  it('takes what the handlers send through the real SQS client and keeps it in its file', async () => {
    const queue = await startLocalDeadLetterQueue({ file: join(dir, 'dead-letters.ndjson') });
    try {
      process.env.SQS_ENDPOINT = queue.endpoint;
      process.env.DEAD_LETTER_QUEUE_URL = queue.queueUrl;
      const { sendToDeadLetterQueue } = await import('../../../lib/events/dead-letter-queue.js');
      const record = {
        eventID: 'rec-1',
        eventName: 'INSERT' as const,
        dynamodb: { Keys: { pk: { S: 'x' } } },
      };
      await sendToDeadLetterQueue({ reason: 'untranslatable', error: { name: 'E', message: 'bad' }, record });
      queue.park('stream exportChanges', { records: [record], error: 'gave up' });
      const lines = readFileSync(queue.file, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(lines).toEqual([
        expect.objectContaining({
          source: queue.queueUrl,
          body: {
            attributes: { reason: 'untranslatable', eventId: 'rec-1' },
            message: { reason: 'untranslatable', error: { name: 'E', message: 'bad' }, record },
          },
        }),
        expect.objectContaining({
          source: 'stream exportChanges',
          body: { records: [record], error: 'gave up' },
        }),
      ]);
    } finally {
      await queue.stop();
    }
  });
});

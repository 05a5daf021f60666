/**
 * The local stand-in for the dead-letter and on-failure queues: an HTTP server on loopback that
 * speaks SQS's JSON protocol for SendMessage (what lib/events/dead-letter-queue.ts sends) and
 * appends each message, and each batch of stream records a local consumer gave up on, to one
 * file (`.data/dead-letters.ndjson`), where a developer finds what would have paged operators.
 * Hand-written: the maintained SQS emulators need Node ≥ 22.5 or Docker, and only SendMessage is used.
 */
import { createHash, randomUUID } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';

export interface LocalDeadLetterQueue {
  /** SQS_ENDPOINT for the SDK. */
  endpoint: string;
  /** DEAD_LETTER_QUEUE_URL for the functions that bind their dead-letter queue. */
  queueUrl: string;
  file: string;
  /** Appends what a local consumer gave up on (the stream mapping's on-failure destination). */
  park(source: string, body: unknown): void;
  stop(): Promise<void>;
}

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

export const startLocalDeadLetterQueue = async (options: {
  file: string;
  account?: string;
}): Promise<LocalDeadLetterQueue> => {
  mkdirSync(dirname(options.file), { recursive: true });
  const park = (source: string, body: unknown) =>
    appendFileSync(options.file, `${JSON.stringify({ time: new Date().toISOString(), source, body })}\n`);
  const server = createServer(async (request, response) => {
    const reply = (status: number, body: unknown, errorType?: string) => {
      response.writeHead(status, {
        'content-type': 'application/x-amz-json-1.0',
        'x-amzn-requestid': randomUUID(),
        ...(errorType ? { 'x-amzn-query-error': `${errorType};Sender` } : {}),
      });
      response.end(JSON.stringify(body));
    };
    try {
      const text = await readBody(request);
      if (request.headers['x-amz-target'] !== 'AmazonSQS.SendMessage')
        return reply(400, {
          __type: 'UnsupportedOperation',
          message: 'The local queue serves SendMessage only.',
        });
      const message = JSON.parse(text) as {
        QueueUrl?: string;
        MessageBody?: string;
        MessageAttributes?: Record<string, { StringValue?: string }>;
      };
      if (typeof message.MessageBody !== 'string')
        return reply(400, { __type: 'MissingParameter', message: 'MessageBody is required.' });
      let body: unknown = message.MessageBody;
      try {
        body = JSON.parse(message.MessageBody);
      } catch {
        // Kept as text: a message body need not be JSON.
      }
      park(message.QueueUrl ?? 'dead-letter-queue', {
        attributes: Object.fromEntries(
          Object.entries(message.MessageAttributes ?? {}).map(([name, value]) => [name, value.StringValue]),
        ),
        message: body,
      });
      // The SDK checks the body's MD5, as SQS computes it.
      const md5 = createHash('md5').update(message.MessageBody).digest('hex');
      return reply(200, { MessageId: randomUUID(), MD5OfMessageBody: md5 });
    } catch (error) {
      return reply(400, { __type: 'InvalidParameterValue', message: (error as Error).message });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    queueUrl: `${endpoint}/${options.account ?? '000000000000'}/storefleet-local-dead-letters`,
    file: options.file,
    park,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { DynamoDBRecord } from 'aws-lambda';

let client: SQSClient | undefined;

/** Created on first use, like every SDK client (nothing at import). */
const sqsClient = (): SQSClient => {
  if (!client) {
    const endpoint = process.env.SQS_ENDPOINT;
    client = new SQSClient({ ...(endpoint ? { endpoint } : {}) });
  }
  return client;
};

/** What the dead-letter queue receives: the whole record (both images) and why it failed. */
export interface DeadLetter {
  reason: 'untranslatable' | 'unpublishable';
  error: { name: string; message: string; issues?: unknown };
  record: DynamoDBRecord;
}

export type DeadLetterSender = (letter: DeadLetter) => Promise<void>;

export const sendToDeadLetterQueue: DeadLetterSender = async (letter) => {
  const queueUrl = process.env.DEAD_LETTER_QUEUE_URL;
  if (!queueUrl) throw new Error('DEAD_LETTER_QUEUE_URL is not set');
  await sqsClient().send(
    new SendMessageCommand({
      QueueUrl: queueUrl,
      MessageBody: JSON.stringify(letter),
      MessageAttributes: {
        reason: { DataType: 'String', StringValue: letter.reason },
        ...(letter.record.eventID
          ? { eventId: { DataType: 'String', StringValue: letter.record.eventID } }
          : {}),
      },
    }),
  );
};

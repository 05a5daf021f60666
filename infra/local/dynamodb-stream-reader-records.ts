import type { _Record as StreamRecord } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord, AttributeValue as LambdaAttributeValue } from 'aws-lambda';

/** Sequence numbers are decimal strings (DynamoDB Local pads them to 21 digits): compare as integers. */
export const compareSequenceNumbers = (a: string, b: string): number => {
  const left = BigInt(a);
  const right = BigInt(b);
  return left < right ? -1 : left > right ? 1 : 0;
};

type Image = Record<string, LambdaAttributeValue> | undefined;
// The SDK's and aws-lambda's AttributeValue describe the same JSON; only their TypeScript unions differ.
const image = (value: unknown): Image => value as Image;

/**
 * One Streams API record as the Lambda service hands it to a function: the same fields, the
 * stream's ARN as eventSourceARN, the deployment's region (DynamoDB Local says `ddblocal`) and
 * ApproximateCreationDateTime in epoch seconds (the SDK parses it into a Date).
 */
export const toLambdaRecord = (
  record: StreamRecord,
  source: { region: string; streamArn: string },
): DynamoDBRecord => {
  const change = record.dynamodb ?? {};
  const created = change.ApproximateCreationDateTime;
  return {
    ...(record.eventID !== undefined ? { eventID: record.eventID } : {}),
    ...(record.eventName !== undefined ? { eventName: record.eventName } : {}),
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: source.region,
    dynamodb: {
      ...(created !== undefined ? { ApproximateCreationDateTime: Math.floor(created.getTime() / 1000) } : {}),
      ...(change.Keys !== undefined ? { Keys: image(change.Keys) } : {}),
      ...(change.NewImage !== undefined ? { NewImage: image(change.NewImage) } : {}),
      ...(change.OldImage !== undefined ? { OldImage: image(change.OldImage) } : {}),
      ...(change.SequenceNumber !== undefined ? { SequenceNumber: change.SequenceNumber } : {}),
      ...(change.SizeBytes !== undefined ? { SizeBytes: change.SizeBytes } : {}),
      ...(change.StreamViewType !== undefined ? { StreamViewType: change.StreamViewType } : {}),
    },
    ...(record.userIdentity?.PrincipalId !== undefined
      ? {
          userIdentity: {
            type: record.userIdentity.Type ?? 'Service',
            principalId: record.userIdentity.PrincipalId,
          },
        }
      : {}),
    eventSourceARN: source.streamArn,
  };
};

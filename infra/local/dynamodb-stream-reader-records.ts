import type { _Record as StreamRecord } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord, AttributeValue as LambdaAttributeValue } from 'aws-lambda';

/** Sequence numbers are decimal strings (DynamoDB Local pads them to 21 digits): compare as integers. */
export const compareSequenceNumbers = (a: string, b: string): number => {
  const left = BigInt(a);
  const right = BigInt(b);
  return left < right ? -1 : left > right ? 1 : 0;
};

type Image = Record<string, LambdaAttributeValue> | undefined;

/**
 * An attribute value as Lambda would deliver it. The SDK's and aws-lambda's AttributeValue
 * describe the same JSON, except that an empty map arrives from the local Streams API as `{}`
 * (a union with no member), which Lambda delivers as `{"M":{}}` and unmarshall refuses
 * ("No value defined"): restore it, inside maps and lists too.
 */
const attribute = (value: unknown): unknown => {
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return { M: {} };
  const [[type, inner] = ['', undefined]] = entries;
  if (type === 'M' && inner && typeof inner === 'object')
    return {
      M: Object.fromEntries(
        Object.entries(inner as Record<string, unknown>).map(([k, v]) => [k, attribute(v)]),
      ),
    };
  if (type === 'L' && Array.isArray(inner)) return { L: inner.map(attribute) };
  return value;
};

const image = (value: unknown): Image =>
  value && typeof value === 'object'
    ? (Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, attribute(v)]),
      ) as Image)
    : undefined;

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

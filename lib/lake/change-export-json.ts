import type { AttributeValue } from '@aws-sdk/client-dynamodb';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

// Numbers beyond double precision stay exact as their decimal string rather than failing the record.
const number = (value: string): number | string => {
  const parsed = Number(value);
  return Number.isSafeInteger(parsed) || (!Number.isInteger(parsed) && Number.isFinite(parsed))
    ? parsed
    : value;
};

const base64 = (value: Uint8Array | string): string =>
  typeof value === 'string' ? value : Buffer.from(value).toString('base64');

/**
 * A DynamoDB attribute value as plain JSON, in one pass. By hand rather than util-dynamodb's
 * unmarshall + a JSON.stringify replacer: that pair made Sets and Uint8Arrays first and then
 * converted them again, and cost two thirds of the exporter's time. Sets become sorted arrays
 * (JSON has no sets), binary becomes base64 (as in DynamoDB's own JSON).
 */
export const toJson = (value: AttributeValue): JsonValue => {
  if (value.S !== undefined) return value.S;
  if (value.N !== undefined) return number(value.N);
  if (value.BOOL !== undefined) return value.BOOL;
  if (value.M !== undefined) return toJsonObject(value.M);
  if (value.L !== undefined) return value.L.map(toJson);
  if (value.SS !== undefined) return [...value.SS].sort();
  if (value.NS !== undefined) return value.NS.map(number).sort((a, b) => Number(a) - Number(b));
  if (value.B !== undefined) return base64(value.B);
  if (value.BS !== undefined) return value.BS.map(base64).sort();
  return null; // NULL
};

export const toJsonObject = (map: Record<string, AttributeValue>): JsonObject => {
  const out: JsonObject = {};
  for (const key in map) {
    const attribute = map[key];
    if (attribute) out[key] = toJson(attribute);
  }
  return out;
};

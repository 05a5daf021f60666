import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

export interface HttpAnswer {
  statusCode: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

const isStructured = (result: unknown): result is APIGatewayProxyStructuredResultV2 =>
  typeof result === 'object' && result !== null && 'statusCode' in result;

/**
 * A function's result as API Gateway turns it into an HTTP response (payload format 2.0):
 * a structured result is used as is (body base64-decoded when flagged, cookies as
 * Set-Cookie); anything else is taken as a 200 JSON body. Returns undefined for a result
 * API Gateway would answer with 500.
 */
export const toHttpAnswer = (returned: unknown): HttpAnswer | undefined => {
  // The Lambda runtime JSON-serializes what the handler returns: undefined headers vanish.
  const result: unknown = JSON.parse(JSON.stringify(returned ?? null));
  if (!isStructured(result)) {
    const body = typeof result === 'string' ? result : JSON.stringify(result);
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(body) };
  }
  const { statusCode } = result;
  if (
    typeof statusCode !== 'number' ||
    !Number.isInteger(statusCode) ||
    statusCode < 100 ||
    statusCode > 599
  ) {
    return undefined;
  }
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(result.headers ?? {}))
    headers[name.toLowerCase()] = String(value);
  if (result.cookies && result.cookies.length > 0) headers['set-cookie'] = result.cookies;
  const body = result.body ?? '';
  return {
    statusCode,
    headers,
    body: result.isBase64Encoded ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8'),
  };
};

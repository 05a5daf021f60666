import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { badRequest, headersTooLarge } from './gateway-problems.js';
import { toHttpAnswer } from './gateway-response.js';

/**
 * What the local gateway answers when Node cannot even parse a request (Node's own answer
 * is an empty 431 or 400): the same problem+json any other refusal gets. In AWS, API Gateway
 * answers these itself with its own body; see README "Errors".
 */
export const answerClientError = (
  error: Error & { code?: string },
  socket: Duplex,
  maxHeaderBytes: number,
): void => {
  // Node's advice: a reset or half-closed socket cannot take an answer.
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const requestId = randomUUID();
  const result =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? headersTooLarge(maxHeaderBytes, requestId)
      : badRequest('The request is not valid HTTP/1.1.', requestId);
  const answer = toHttpAnswer(result);
  if (!answer) {
    socket.destroy();
    return;
  }
  const headers = {
    ...answer.headers,
    'apigw-requestid': requestId,
    'content-length': String(answer.body.length),
    connection: 'close',
  };
  const head = [
    `HTTP/1.1 ${answer.statusCode} ${STATUS_CODES[answer.statusCode] ?? ''}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${String(value)}`),
  ].join('\r\n');
  socket.end(Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'latin1'), answer.body]));
};

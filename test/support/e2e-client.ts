/**
 * How e2e tests talk to the local runtime: over HTTP like any client, with tokens signed by
 * the runtime's keys, plus a whole-table snapshot read straight from DynamoDB Local (tests
 * may Scan; lib/ and functions/ never do) to prove that rejected requests write nothing.
 */
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { expect, inject } from 'vitest';
import { type DevTokenOptions, loadDevKeys, signDevToken } from '../../infra/local/dev-keys.js';
import { localDynamoClient } from '../../infra/local/dynamodb-local.js';
import type { Role } from '../../lib/auth/roles.js';
import type { ProblemDocument } from '../../lib/http/problem.js';
import { contractViolations } from './contract-check.js';
import { withLock } from './e2e-lock.js';

const baseUrl = inject('baseUrl');
const lockUrl = inject('lockUrl');
const tableName = inject('tableName');
const keys = loadDevKeys(inject('keysDir'));
const dynamo = localDynamoClient(inject('dynamoEndpoint'));

type TokenOverrides = Omit<DevTokenOptions, 'role' | 'stores' | 'keys' | 'keysDir'>;

export const tokenFor = async (
  role: Role,
  stores: string[] = [],
  overrides: TokenOverrides = {},
): Promise<string> => signDevToken({ role, stores, ...overrides, keys: await keys });

export interface RequestOptions {
  token?: string;
  /** Sent as JSON with `content-type: application/json`. */
  body?: unknown;
  /** Sent as is (set any content-type in `headers`). */
  rawBody?: string | Uint8Array;
  headers?: Record<string, string>;
}

export interface ApiResponse<T> {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON for JSON content types, otherwise the text. */
  body: T;
  text: string;
}

const send = async <T>(method: string, path: string, options: RequestOptions): Promise<ApiResponse<T>> => {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | Uint8Array | undefined = options.rawBody;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...headers, ...options.headers },
    body,
  });
  const text = await response.text();
  const json = /json/.test(response.headers.get('content-type') ?? '') && text !== '';
  const answer = { status: response.status, headers: Object.fromEntries(response.headers), text };
  // Every answer must be what /openapi.json says it is: the test fails otherwise.
  const violations = contractViolations(method, path, answer);
  if (violations.length > 0) throw new Error(`Contract violation:\n${violations.join('\n')}`);
  return { ...answer, body: (json ? JSON.parse(text) : text) as T };
};

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** One request; anything that may write holds the shared lock so snapshot checks elsewhere stay exact. */
export const api = <T = unknown>(
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<ApiResponse<T>> =>
  READS.has(method)
    ? send<T>(method, path, options)
    : withLock(lockUrl, 'shared', () => send<T>(method, path, options));

/**
 * Work that writes without an API call of its own (an upload whose import runs in the
 * background), held under the shared lock until it has finished, as `api` holds a write.
 */
export const asWrite = <T>(task: () => Promise<T>): Promise<T> => withLock(lockUrl, 'shared', task);

/** Object keys sorted at every level, so equal items print equally. */
const stableJson = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );

/** Every item of the table, raw attribute values, one sorted line each. */
/** The keys of the items that differ between two snapshots, so a failed check names the write. */
export const changedItems = (before: string, after: string): string => {
  const was = new Set(before.split('\n'));
  const now = new Set(after.split('\n'));
  const keyOf = (line: string) => {
    const item = JSON.parse(line) as Record<string, unknown>;
    // The scan's items are in DynamoDB's attribute-value form, { S: '…' }.
    const text = (value: unknown) =>
      typeof value === 'object' && value !== null && 'S' in value ? String(value.S) : String(value);
    return `${text(item.pk)} ${text(item.sk)}`;
  };
  const added = [...now].filter((line) => line && !was.has(line)).map(keyOf);
  const removed = [...was].filter((line) => line && !now.has(line)).map(keyOf);
  return `written: ${added.slice(0, 5).join(', ') || '–'}; gone or changed: ${removed.slice(0, 5).join(', ') || '–'}`;
};

export const tableSnapshot = async (): Promise<string> => {
  const lines: string[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo.send(
      new ScanCommand({ TableName: tableName, ConsistentRead: true, ExclusiveStartKey: startKey as never }),
    );
    lines.push(...(page.Items ?? []).map(stableJson));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return lines.sort().join('\n');
};

/** The shape every error answer has: problem+json, consistent status, request id, nothing internal. */
export const expectProblem = (response: ApiResponse<unknown>, status: number): ProblemDocument => {
  expect(response.status, response.text).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const problem = response.body as ProblemDocument;
  expect(problem).toMatchObject({
    type: expect.stringMatching(/^\/problems\//),
    title: expect.any(String),
    status,
  });
  const requestId = response.headers['x-request-id'];
  expect(requestId).toBeTruthy();
  expect(problem.requestId).toBe(requestId);
  expect(response.text).not.toMatch(/\bat .+:\d+:\d+|node_modules|\.ts\b|stack|Exception|Dynamo/i);
  return problem;
};

/**
 * A request that must be refused without writing: the table is snapshotted before and after,
 * with every other test worker's writes held off meanwhile.
 */
export const rejected = (
  method: string,
  path: string,
  status: number,
  options: RequestOptions = {},
): Promise<ProblemDocument & { response: ApiResponse<unknown> }> =>
  withLock(lockUrl, 'exclusive', async () => {
    const before = await tableSnapshot();
    const response = await send<unknown>(method, path, options);
    const after = await tableSnapshot();
    expect(
      after === before,
      `${method} ${path} (${response.status}) changed the table (${after === before ? '' : changedItems(before, after)})`,
    ).toBe(true);
    return { ...expectProblem(response, status), response };
  });

export interface RejectedCase {
  method: string;
  path: string;
  status: number;
  options?: RequestOptions;
}

/**
 * Many requests that must all be refused, under one exclusive lock and one pair of table
 * snapshots (a full scan per case would make a bad-input sweep slow). The failure message
 * lists every case, so a write is traced by re-running them one by one with `rejected`.
 */
export const allRejected = (
  cases: readonly RejectedCase[],
): Promise<(ProblemDocument & { response: ApiResponse<unknown> })[]> =>
  withLock(lockUrl, 'exclusive', async () => {
    const before = await tableSnapshot();
    const responses: ApiResponse<unknown>[] = [];
    for (const { method, path, options } of cases)
      responses.push(await send<unknown>(method, path, options ?? {}));
    const after = await tableSnapshot();
    const sent = cases.map(({ method, path }, i) => `${method} ${path} (${responses[i]?.status})`).join(', ');
    expect(
      after === before,
      `one of ${sent} changed the table (${after === before ? '' : changedItems(before, after)})`,
    ).toBe(true);
    return responses.map((response, i) => ({ ...expectProblem(response, cases[i]?.status ?? 0), response }));
  });

/** A success carries the request id too. */
export const expectSuccess = <T>(response: ApiResponse<T>, status: number): T => {
  expect(response.status, response.text).toBe(status);
  expect(response.headers['x-request-id']).toBeTruthy();
  return response.body;
};

/** Field paths a 400/409 problem names. */
export const errorPaths = (problem: ProblemDocument): string[] =>
  (problem.errors ?? []).map((error) => error.path);

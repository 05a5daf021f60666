/**
 * For e2e files that need the event flow (stream → bus → consumers), which the shared e2e runtime
 * runs without: a runtime of their own with `events: true` on a temporary state folder, and an
 * HTTP caller for it.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { expect, inject } from 'vitest';
import { localDynamoClient } from '../../infra/local/dynamodb-local.js';
import {
  type LocalRuntime,
  type LocalRuntimeOptions,
  startLocalRuntime,
} from '../../infra/local/local-runtime.js';

export interface EventFlowRuntime {
  runtime: LocalRuntime;
  stateDir: string;
  stop(): Promise<void>;
}

/**
 * `name` names the table and the temporary folder (e.g. `reports` → `storefleet-reports-e2e-…`).
 * The table lives in the e2e run's one DynamoDB Local (a JVM per file cost seconds of CPU each)
 * and is dropped on stop.
 */
export const startEventFlowRuntime = async (
  name: string,
  /** More options, or a function of the state folder that gives them (e.g. a build folder inside it). */
  options: Partial<LocalRuntimeOptions> | ((stateDir: string) => Partial<LocalRuntimeOptions>) = {},
): Promise<EventFlowRuntime> => {
  const stateDir = await mkdtemp(join(tmpdir(), `storefleet-${name}-e2e-`));
  const extra = typeof options === 'function' ? options(stateDir) : options;
  const dynamoEndpoint = inject('dynamoEndpoint');
  const tableName = `storefleet-${name}-e2e-${randomBytes(3).toString('hex')}`;
  const runtime = await startLocalRuntime({
    port: 0,
    dynamoEndpoint,
    seed: false,
    quiet: true,
    keysDir: stateDir,
    secretsDir: stateDir,
    eventsDir: stateDir,
    tableName,
    events: true,
    ...extra,
  });
  return {
    runtime,
    stateDir,
    stop: async () => {
      await runtime.stop();
      const client = localDynamoClient(dynamoEndpoint);
      await client.send(new DeleteTableCommand({ TableName: tableName })).catch(() => undefined);
      client.destroy();
      await rm(stateDir, { recursive: true, force: true });
    },
  };
};

export interface CallOptions {
  body?: unknown;
  /** Bearer token; the caller's default one otherwise. */
  token?: string;
  headers?: Record<string, string>;
}

export interface ApiAnswer<T> {
  status: number;
  body: T;
}

export type ApiCall = <T = Record<string, unknown>>(
  method: string,
  path: string,
  options?: CallOptions,
) => Promise<ApiAnswer<T>>;

/** Calls the runtime's API with JSON bodies; `base` and `token` are read at each call (set in beforeAll). */
export const apiCaller =
  (base: () => string, token: () => string): ApiCall =>
  async <T>(method: string, path: string, options: CallOptions = {}) => {
    const response = await fetch(`${base()}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${options.token ?? token()}`,
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  };

/** A call that must answer `status`; its body. */
export const expectStatus = async <T>(
  answer: Promise<ApiAnswer<T>>,
  status: number,
  what = '',
): Promise<T> => {
  const { status: got, body } = await answer;
  expect(got, `${what} ${JSON.stringify(body)}`).toBe(status);
  return body;
};

/** The positional form: `call(method, path, body, headers)` and `created(path, body, headers)`, which must answer 201. */
export const positionalCalls = (api: ApiCall) => {
  const call = <T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => api<T>(method, path, { body, headers });
  const created = <T = Record<string, unknown>>(
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
  ) => expectStatus(call<T>('POST', path, body, headers), 201, `POST ${path}`);
  return { call, created };
};

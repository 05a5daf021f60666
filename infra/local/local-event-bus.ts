/**
 * The local EventBridge bus of `npm start`: an HTTP endpoint on 127.0.0.1 that speaks PutEvents in
 * EventBridge's JSON 1.1 protocol (so the real @aws-sdk/client-eventbridge, with `endpoint` set to
 * it, works unchanged), an append-only archive (`.data/events.ndjson`, one event per line), rule
 * delivery by matchesPattern with bounded retries and backoff then `onFailure` (the DLQ stand-in),
 * and replay from the archive. Hand-written: no maintained local EventBridge runs in-process.
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import type { EventBridgeEvent } from 'aws-lambda';
import { assertValidEventPattern, matchesPattern } from '../../lib/events/match-pattern.js';
import {
  type PutEventsEntry,
  type PutEventsResult,
  PutEventsValidationError,
  validatePutEvents,
} from './local-event-bus-validation.js';

export type { PutEventsEntry, PutEventsResult } from './local-event-bus-validation.js';

export type BusEvent = EventBridgeEvent<string, unknown> & { 'replay-name'?: string };

export interface LocalRule {
  name: string;
  /** Exactly what CDK puts on the rule. */
  eventPattern: Record<string, unknown>;
  maximumRetryAttempts: number;
  deliver(event: BusEvent): Promise<void>;
  onFailure(event: BusEvent, error: unknown): Promise<void>;
}

export interface LocalEventBusOptions {
  busName: string;
  archiveFile: string;
  rules: LocalRule[];
  /** 0 (default): a free port. */
  port?: number;
  region?: string;
  account?: string;
  /** First retry delay; doubles per attempt up to 30 s. EventBridge backs off similarly. */
  retryBaseDelayMs?: number;
  log?: (line: string) => void;
  /** Events replay re-delivers (the AWS archive's pattern); the file keeps every event for `npm run events`. */
  archivePattern?: Record<string, unknown>;
}

export interface ReplayOptions {
  until?: Date;
  name?: string;
}

export interface LocalEventBus {
  endpoint: string;
  putEvents(entries: PutEventsEntry[]): Promise<PutEventsResult>;
  /** Re-delivers archived events with `time` ≥ since (and < until) to matching rules; returns how many. */
  replay(since: Date, options?: ReplayOptions): Promise<number>;
  /** Resolves when no delivery is in flight. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** EventBridge's `time` has second precision. */
const eventTime = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

const readBody = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new PutEventsValidationError('Request body is too large.'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });

const isLoopback = (address: string | undefined) =>
  address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';

/** Archived events, oldest first; a torn last line (a crash mid-write) is skipped. */
export const readArchive = (archiveFile: string): BusEvent[] => {
  let text: string;
  try {
    text = readFileSync(archiveFile, 'utf8');
  } catch {
    return [];
  }
  const events: BusEvent[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      events.push(JSON.parse(line) as BusEvent);
    } catch {
      // not a whole event line
    }
  }
  return events;
};

export const startLocalEventBus = async (options: LocalEventBusOptions): Promise<LocalEventBus> => {
  const { busName, archiveFile, rules } = options;
  const region = options.region ?? process.env.AWS_REGION ?? 'ap-southeast-2';
  const account = options.account ?? '000000000000';
  const baseDelay = options.retryBaseDelayMs ?? 200;
  const log = options.log ?? (() => {});
  // A rule whose pattern PutRule would reject fails here, at start, not silently at delivery.
  for (const rule of rules) assertValidEventPattern(rule.eventPattern);
  mkdirSync(dirname(archiveFile), { recursive: true });

  const inFlight = new Set<Promise<void>>();

  const deliverWithRetries = async (rule: LocalRule, event: BusEvent) => {
    let lastError: unknown;
    for (let attempt = 0; attempt <= rule.maximumRetryAttempts; attempt++) {
      if (attempt > 0) await sleep(Math.min(baseDelay * 2 ** (attempt - 1), 30_000));
      try {
        await rule.deliver(event);
        return;
      } catch (error) {
        lastError = error;
        log(`rule ${rule.name}: delivery of ${event.id} failed (attempt ${attempt + 1}): ${String(error)}`);
      }
    }
    try {
      await rule.onFailure(event, lastError);
    } catch (error) {
      log(`rule ${rule.name}: onFailure for ${event.id} failed too: ${String(error)}`);
    }
  };

  const dispatch = (event: BusEvent) => {
    for (const rule of rules) {
      if (!matchesPattern(rule.eventPattern, event)) continue;
      const delivery = deliverWithRetries(rule, event).finally(() => inFlight.delete(delivery));
      inFlight.add(delivery);
    }
  };

  const putEvents = async (entries: PutEventsEntry[]): Promise<PutEventsResult> => {
    const checked = validatePutEvents(entries, busName);
    const accepted: BusEvent[] = [];
    const results = checked.map((check) => {
      if ('error' in check) return check.error;
      const { entry, detail } = check;
      const event: BusEvent = {
        version: '0',
        id: randomUUID(),
        'detail-type': entry.DetailType as string,
        source: entry.Source as string,
        account,
        time: eventTime(entry.Time ?? new Date()),
        region,
        resources: entry.Resources ?? [],
        detail,
      };
      accepted.push(event);
      return { EventId: event.id };
    });
    // Archived before the answer: an accepted event is never lost to a crash of the delivery.
    if (accepted.length > 0)
      appendFileSync(archiveFile, accepted.map((event) => `${JSON.stringify(event)}\n`).join(''));
    for (const event of accepted) dispatch(event);
    return { FailedEntryCount: results.filter((result) => 'ErrorCode' in result).length, Entries: results };
  };

  let replays = 0;
  const replay = async (since: Date, replayOptions: ReplayOptions = {}): Promise<number> => {
    const name = replayOptions.name ?? `local-replay-${Date.now()}-${++replays}`;
    const until = replayOptions.until?.getTime() ?? Number.POSITIVE_INFINITY;
    let count = 0;
    for (const event of readArchive(archiveFile)) {
      const time = Date.parse(event.time);
      // Replays of replays are not archived, but skip any marked one all the same.
      if (event['replay-name'] || !(time >= since.getTime() && time < until)) continue;
      if (options.archivePattern && !matchesPattern(options.archivePattern, event)) continue;
      dispatch({ ...event, 'replay-name': name });
      count++;
    }
    log(`replay ${name}: ${count} event(s) since ${since.toISOString()}`);
    return count;
  };

  const idle = async () => {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  };

  const answer = (response: ServerResponse, status: number, body: unknown, errorType?: string) => {
    response.writeHead(status, {
      'content-type': 'application/x-amz-json-1.1',
      'x-amzn-requestid': randomUUID(),
      ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
    });
    response.end(JSON.stringify(body));
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    if (!isLoopback(request.socket.remoteAddress)) return answer(response, 403, { message: 'Loopback only' });
    if (request.method !== 'POST') return answer(response, 405, { message: 'POST only' });
    try {
      const text = await readBody(request);
      if (request.url === '/local/replay') {
        const body = JSON.parse(text || '{}') as { since?: string; until?: string; name?: string };
        const since = new Date(body.since ?? '');
        if (Number.isNaN(since.getTime())) throw new PutEventsValidationError('since must be an ISO time.');
        const name = body.name ?? `local-replay-${Date.now()}`;
        const until = body.until ? new Date(body.until) : undefined;
        const replayed = await replay(since, { name, ...(until ? { until } : {}) });
        return answer(response, 200, { replayName: name, replayed });
      }
      const target = request.headers['x-amz-target'];
      if (target !== 'AWSEvents.PutEvents')
        return answer(
          response,
          400,
          { __type: 'UnknownOperationException', message: `The local bus serves AWSEvents.PutEvents only.` },
          'UnknownOperationException',
        );
      let body: { Entries?: unknown };
      try {
        body = JSON.parse(text) as { Entries?: unknown };
      } catch {
        throw new PutEventsValidationError('The request body is not valid JSON.');
      }
      const entries = (Array.isArray(body.Entries) ? body.Entries : []).map(fromWire);
      return answer(response, 200, await putEvents(entries));
    } catch (error) {
      if (error instanceof PutEventsValidationError || error instanceof SyntaxError)
        return answer(
          response,
          400,
          { __type: 'ValidationException', message: error.message },
          'ValidationException',
        );
      log(`local event bus: ${String(error)}`);
      return answer(
        response,
        500,
        { __type: 'InternalException', message: 'Internal error' },
        'InternalException',
      );
    }
  };

  const server = createServer((request, response) => {
    void handle(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    putEvents,
    replay,
    idle,
    stop: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive sockets of SDK clients would hold close() open.
      server.closeAllConnections();
      await closed;
      await idle();
    },
  };
};

/** JSON 1.1 sends timestamps as epoch seconds. */
const fromWire = (raw: unknown): PutEventsEntry => {
  const entry = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const time = entry.Time;
  return {
    ...(entry as PutEventsEntry),
    Time:
      typeof time === 'number'
        ? new Date(time * 1000)
        : typeof time === 'string'
          ? new Date(time)
          : undefined,
  };
};

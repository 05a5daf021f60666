/**
 * `npm run events`: tails the local bus's archive (`.data/events.ndjson`) one readable line per
 * event, following new lines like `tail -f` (`--no-follow` prints and exits);
 * `npm run events -- --replay --since <time>` replays archived events onto the running local bus,
 * found through `.data/runtime.json` (its `eventBusEndpoint`) or `--endpoint`.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { BusEvent } from './local-event-bus.js';
import { formatEvent, parseSince } from './local-event-bus-format.js';
import { DEFAULT_LOCAL_STATE_DIR } from './repo-paths.js';

const USAGE = `Usage: npm run events -- [--no-follow] [--since <time>] [--file <ndjson>]
       npm run events -- --replay --since <time> [--until <time>] [--endpoint <url>]

Prints the local bus's events (${join(DEFAULT_LOCAL_STATE_DIR, 'events.ndjson')}) one per line, then follows new ones.
<time> is an ISO time (2026-12-01T09:00:00Z) or a duration back from now (30s, 10m, 2h, 1d).

  --no-follow        print what is there and exit
  --since <time>     only events at or after <time>
  --replay           re-deliver archived events since <time> to the running npm start's rules
  --endpoint <url>   the local bus to replay onto (default: the one in .data/runtime.json)
  --help             this text`;

const fail = (message: string, code = 2): never => {
  process.stderr.write(`events: ${message}\n`);
  process.exit(code);
};

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        'no-follow': { type: 'boolean' },
        since: { type: 'string' },
        until: { type: 'string' },
        replay: { type: 'boolean' },
        endpoint: { type: 'string' },
        file: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n\n${USAGE}`);
  }
})();
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const since = (() => {
  try {
    return values.since ? parseSince(values.since) : undefined;
  } catch (error) {
    return fail((error as Error).message);
  }
})();

const busEndpoint = (): string => {
  if (values.endpoint) return values.endpoint;
  try {
    const record = JSON.parse(readFileSync(join(DEFAULT_LOCAL_STATE_DIR, 'runtime.json'), 'utf8')) as {
      eventBusEndpoint?: unknown;
    };
    if (typeof record.eventBusEndpoint === 'string') return record.eventBusEndpoint;
  } catch {
    // no running npm start
  }
  return fail('no running local bus: start `npm start` (or pass --endpoint <url>).', 1);
};

if (values.replay) {
  if (!since) fail('--replay needs --since <time>.');
  const response = await fetch(`${busEndpoint()}/local/replay`, {
    method: 'POST',
    body: JSON.stringify({
      since: since?.toISOString(),
      ...(values.until ? { until: parseSince(values.until).toISOString() } : {}),
    }),
  }).catch((error: unknown) => fail(`the local bus does not answer: ${String(error)}`, 1));
  const body = (await response.json()) as { replayed?: number; replayName?: string; message?: string };
  if (!response.ok) fail(body.message ?? `replay failed (${response.status})`, 1);
  process.stdout.write(`replayed ${body.replayed} event(s) as ${body.replayName}\n`);
  process.exit(0);
}

const file = values.file ?? join(DEFAULT_LOCAL_STATE_DIR, 'events.ndjson');
let offset = 0;
let pending = '';

/** Prints the whole lines added since the last read; a half-written last line waits for the rest. */
const printNew = () => {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return;
  }
  if (size < offset) offset = 0; // truncated or replaced: start again
  if (size === offset) return;
  const buffer = Buffer.alloc(size - offset);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, buffer.length, offset);
  } finally {
    closeSync(fd);
  }
  offset = size;
  const lines = (pending + buffer.toString('utf8')).split('\n');
  pending = lines.pop() ?? '';
  for (const line of lines) {
    if (!line.trim()) continue;
    try {
      const event = JSON.parse(line) as BusEvent;
      if (since && !(Date.parse(event.time) >= since.getTime())) continue;
      process.stdout.write(`${formatEvent(event)}\n`);
    } catch {
      process.stdout.write(`(unreadable line) ${line.slice(0, 120)}\n`);
    }
  }
};

printNew();
if (!values['no-follow']) {
  process.stderr.write(`events: following ${file} (Ctrl-C to stop)\n`);
  setInterval(printNew, 250);
}

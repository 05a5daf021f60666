/**
 * A readers-writer lock shared by every e2e test worker. Test files run in parallel against
 * one local runtime (one table), so "this rejected request wrote nothing" can only be checked
 * while no other file writes: writes hold the lock shared, such checks hold it exclusively.
 * The server runs in the global setup process; workers reach it over HTTP. Work the runtime
 * does on its own after a request (an uploaded file's import, run in the background like
 * Lambda's asynchronous invocations) is a write too: the test that starts it holds the shared
 * lock until it has finished (`asWrite` in e2e-client.ts).
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type LockMode = 'shared' | 'exclusive';

/** A holder that died mid-test must not block the run forever. */
const LEASE_MS = 30_000;

export const startLockServer = async (): Promise<{ url: string; close(): Promise<void> }> => {
  const holders = new Map<string, { mode: LockMode; timer: NodeJS.Timeout }>();
  const waiting: { mode: LockMode; grant: () => void }[] = [];

  const release = (lease: string) => {
    const holder = holders.get(lease);
    if (!holder) return;
    clearTimeout(holder.timer);
    holders.delete(lease);
    pump();
  };
  const canGrant = (mode: LockMode): boolean => {
    const held = [...holders.values()];
    return mode === 'exclusive' ? held.length === 0 : held.every((h) => h.mode === 'shared');
  };
  // First come, first served: a shared request queued behind an exclusive one waits for it.
  const pump = () => {
    for (let next = waiting[0]; next && canGrant(next.mode); next = waiting[0]) {
      waiting.shift();
      next.grant();
    }
  };

  const server = createServer((request, response) => {
    const [, action, arg] = (request.url ?? '').split('/');
    if (action === 'release' && arg) {
      release(arg);
      response.writeHead(204).end();
      return;
    }
    if (action !== 'acquire' || (arg !== 'shared' && arg !== 'exclusive')) {
      response.writeHead(404).end();
      return;
    }
    const mode: LockMode = arg;
    const entry = {
      mode,
      grant: () => {
        const lease = randomUUID();
        holders.set(lease, { mode, timer: setTimeout(() => release(lease), LEASE_MS) });
        response.writeHead(200, { 'content-type': 'text/plain' }).end(lease);
      },
    };
    // A worker that gave up waiting leaves the queue.
    response.on('close', () => {
      const index = waiting.indexOf(entry);
      if (index >= 0) waiting.splice(index, 1);
    });
    waiting.push(entry);
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const holder of holders.values()) clearTimeout(holder.timer);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};

export const withLock = async <T>(lockUrl: string, mode: LockMode, task: () => Promise<T>): Promise<T> => {
  const lease = await (await fetch(`${lockUrl}/acquire/${mode}`, { method: 'POST' })).text();
  try {
    return await task();
  } finally {
    await fetch(`${lockUrl}/release/${lease}`, { method: 'POST' });
  }
};

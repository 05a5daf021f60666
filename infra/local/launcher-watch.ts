import { spawnSync } from 'node:child_process';

/** Process names of the wrappers `npm start` puts above us: npm, `sh -c`, tsx (a node process). */
const WRAPPER = /^(npm|npx|node|tsx|sh|dash)\b/;

const parentOf = (pid: number): { ppid: number; name: string } | undefined => {
  const ps = spawnSync('ps', ['-o', 'ppid=,comm=', '-p', String(pid)], { encoding: 'utf8' });
  const match = /^\s*(\d+)\s+(.*?)\s*$/.exec(ps.stdout ?? '');
  return match?.[1] && match[2] !== undefined ? { ppid: Number(match[1]), name: match[2] } : undefined;
};

/** Our ancestors up to the first one that is not an npm/sh/tsx wrapper (the user's shell). */
const launcherChain = (): number[] => {
  const chain: number[] = [];
  for (let pid = process.ppid; pid > 1 && chain.length < 8; ) {
    const info = parentOf(pid);
    if (!info || !WRAPPER.test(info.name.split('/').pop() ?? '')) break;
    chain.push(pid);
    pid = info.ppid;
  }
  return chain;
};

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Calls `onGone` when a process that launched us exits. `kill <npm pid>` makes npm forward
 * SIGTERM to its `sh -c`, which dies without passing it on, so neither we nor Java would ever
 * hear of it; polling the launchers closes that gap. No-op where `ps` is missing (Windows).
 */
export const watchLaunchers = (onGone: () => void, intervalMs = 1000): void => {
  if (process.platform === 'win32') return;
  const chain = launcherChain();
  if (chain.length === 0) return;
  const timer = setInterval(() => {
    if (chain.every(isAlive)) return;
    clearInterval(timer);
    onGone();
  }, intervalMs);
  timer.unref();
};

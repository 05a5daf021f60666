import { randomFillSync } from 'node:crypto';
import { ulid } from 'ulid';

/**
 * `ulid()` with a pooled random source. Without one, the ulid package looks up its source on
 * every call and draws one byte per character: about 0.1 ms an id on this project's benchmark
 * machine, against 1–2 µs with this pool (docs/performance.md, "Hot paths"). The bytes are the
 * same cryptographic ones (`randomFillSync`), drawn 4 KiB at a time; each byte is used once.
 */
const pool = new Uint8Array(4096);
let next = pool.length;

const pooledRandom = (): number => {
  if (next >= pool.length) {
    randomFillSync(pool);
    next = 0;
  }
  // A byte / 256 is in [0, 1), as the package expects; 256 is a multiple of its 32 symbols.
  return (pool[next++] ?? 0) / 256;
};

export const fastUlid = (): string => ulid(undefined, pooledRandom);

/**
 * Every section of `npm run bench`, in the order they run: the one list to extend when a
 * section is added (its file under infra/local/bench/ exports a `BenchSection`). Loaded lazily
 * and each run in a process of its own (section-process.ts): a section that needs the local
 * runtime imports lib/ only after starting it, and no section's DynamoDB Local, environment or
 * warm caches leak into the next one's figures.
 */
import type { BenchSection } from './bench-figure.js';

export interface BenchSectionEntry {
  name: string;
  /** One line for `--help`. */
  summary: string;
  load: () => Promise<BenchSection>;
}

export const BENCH_SECTIONS: readonly BenchSectionEntry[] = [
  {
    name: 'bundles',
    summary: "every function's bundle bytes and cold import vs a bare handler of the same SDK clients",
    load: async () => (await import('./bundles-bench.js')).benchBundles,
  },
  {
    name: 'warm',
    summary: 'GET /stores/{id} in-process (Middy chain, real token) vs a raw GetCommand, p50/p95',
    load: async () => (await import('./warm-bench.js')).benchWarm,
  },
  {
    name: 'orders',
    summary: 'POST /orders in-process vs a bare TransactWriteItems of the same items; CPU per order; hot SKU',
    load: async () => (await import('./orders-bench.js')).benchOrders,
  },
  {
    name: 'capacity',
    summary: 'read and write units of every API operation (ReturnConsumedCapacity) vs its budget',
    load: async () => (await import('./capacity-bench.js')).benchCapacity,
  },
  {
    name: 'hot-sku',
    summary: 'one SKU sold from 1, 2, 4 and 8 level shards under a modelled per-partition limit',
    load: async () => (await import('./simulations-bench.js')).benchHotSku,
  },
  {
    name: 'fleet',
    summary: 'cold starts per 1,000 requests of a trading day, one function per route vs per domain',
    load: async () => (await import('./simulations-bench.js')).benchFleetColdStarts,
  },
  {
    name: 'import',
    summary: 'product CSV import rows/min vs a bare BatchWrite of the same items',
    load: async () => (await import('./import-bench.js')).benchImport,
  },
  {
    name: 'report-reads',
    summary: "a report's read units after few vs many orders (flat = 1.00)",
    load: async () => (await import('./report-reads-bench.js')).benchReportReads,
  },
  {
    name: 'lake',
    summary: 'change exporter records/s vs JSON.stringify; S3 objects per batch',
    load: async () => (await import('./lake-bench.js')).benchLake,
  },
];

export const sectionNamed = (name: string): BenchSectionEntry | undefined =>
  BENCH_SECTIONS.find((section) => section.name === name);

/**
 * Cold import of a built bundle: a fresh `node` process imports it, as Lambda's runtime does
 * at an execution environment's first start. The figures come from the child itself: the CPU
 * time the `import()` took (`process.cpuUsage`, user + system, every thread of the process),
 * its wall time, and the wall time from process start until the handler was exported (Node's
 * own start included, the same for every bundle). CPU time is the figure compared: on a shared
 * machine wall time counts the time other processes held the cores, while during Lambda's
 * init phase the function has its CPU to itself, so there the two agree.
 */
import { execFile } from 'node:child_process';
import { pathToFileURL } from 'node:url';

export interface ColdImport {
  /** CPU time of the `import()` of the bundle alone. */
  cpuMs: number;
  /** Wall time of the `import()` of the bundle alone. */
  importMs: number;
  /** From process start until the handler was exported. */
  sinceStartMs: number;
}

/**
 * The environment of a function as far as import goes: a region and credentials (never used:
 * nothing is sent), the variables modules read at import, and no NODE_OPTIONS but the given ones.
 */
const childEnvironment = (nodeOptions: string): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH ?? '',
  // Lambda's Node.js 24 would not print the SDK's old-Node warning; this machine's Node might.
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  AWS_REGION: 'eu-west-1',
  AWS_ACCESS_KEY_ID: 'cold-import',
  AWS_SECRET_ACCESS_KEY: 'cold-import',
  AWS_SESSION_TOKEN: 'cold-import',
  TABLE_NAME: 'storefleet',
  POWERTOOLS_SERVICE_NAME: 'storefleet',
  POWERTOOLS_LOG_LEVEL: 'WARN',
  NODE_OPTIONS: nodeOptions,
});

const script = (file: string): string =>
  [
    'const cpu = process.cpuUsage();',
    'const started = performance.now();',
    `const module = await import(${JSON.stringify(pathToFileURL(file).href)});`,
    "if (typeof module.handler !== 'function') throw new Error('no handler exported');",
    'const exported = performance.now();',
    'const used = process.cpuUsage(cpu);',
    'const cpuMs = (used.user + used.system) / 1000;',
    'process.stdout.write(JSON.stringify({ cpuMs, importMs: exported - started, sinceStartMs: exported }));',
  ].join('\n');

/** Imports `file` in a fresh process and reports its timings; rejects when the import fails. */
export const coldImport = (file: string, nodeOptions = ''): Promise<ColdImport> =>
  new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--input-type=module', '--eval', script(file)],
      { env: childEnvironment(nodeOptions), timeout: 30_000 },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`importing ${file} failed: ${stderr || error.message}`));
          return;
        }
        resolve(JSON.parse(stdout) as ColdImport);
      },
    );
  });

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

export interface PairedColdImports {
  value: ColdImport[];
  baseline: ColdImport[];
  /** CPU time of the bundle's `import()` over its baseline's, one per round (the pair ran back to back). */
  ratios: number[];
}

/**
 * `rounds` pairs of cold imports, bundle and baseline back to back, the order alternating per
 * round so that neither always runs first on a machine whose load drifts.
 */
export const pairedColdImports = async (
  file: string,
  baselineFile: string,
  rounds: number,
  options: { nodeOptions?: string; baselineNodeOptions?: string } = {},
): Promise<PairedColdImports> => {
  const result: PairedColdImports = { value: [], baseline: [], ratios: [] };
  for (let round = 0; round < rounds; round++) {
    const runValue = () => coldImport(file, options.nodeOptions);
    const runBaseline = () => coldImport(baselineFile, options.baselineNodeOptions ?? options.nodeOptions);
    let value: ColdImport;
    let baseline: ColdImport;
    if (round % 2 === 0) {
      value = await runValue();
      baseline = await runBaseline();
    } else {
      baseline = await runBaseline();
      value = await runValue();
    }
    result.value.push(value);
    result.baseline.push(baseline);
    result.ratios.push(value.cpuMs / baseline.cpuMs);
  }
  return result;
};

/**
 * `tsx infra/bundle-function-cli.ts <entry> <outdir>`: writes one function's asset. CDK's local
 * bundling (infra/constructs/function-code.ts) must be synchronous, and esbuild runs plugins only
 * in its asynchronous API, so CDK runs this in a child process and waits for it.
 */
import { bundleFunction } from './bundling.js';

const [entry, outdir] = process.argv.slice(2);
if (!entry || !outdir) {
  console.error(
    'usage: tsx infra/bundle-function-cli.ts <entry, e.g. functions/stores/get-store.ts> <outdir>',
  );
  process.exit(2);
}
await bundleFunction(entry, outdir);

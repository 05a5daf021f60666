/**
 * A function's code asset: its bundle, written by infra/bundling.ts's `bundleFunction` (the
 * options the bundle-size test and the benchmark measure), in a child process.
 *
 * This replaces `NodejsFunction`'s bundling, which runs esbuild's command line and so cannot
 * run esbuild plugins (infra/sdk-schema-keys.ts). Like NodejsFunction, it bundles on this
 * machine and hashes the output. With bundling skipped (`aws:cdk:bundling-stacks`, as the
 * infra tests do), CDK neither runs it nor fingerprints the repository.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { AssetHashType, DockerImage } from 'aws-cdk-lib';
import { Code } from 'aws-cdk-lib/aws-lambda';
import { FUNCTION_BUNDLE_FILE, REPO_ROOT } from '../bundling.js';

/** Lambda's handler setting for a bundle written by `bundleFunction`. */
export const FUNCTION_HANDLER = `${path.basename(FUNCTION_BUNDLE_FILE, '.mjs')}.handler`;

/**
 * The bundler's command line for `entry`, run in the repository root. esbuild runs plugins only
 * in its asynchronous API and CDK's local bundling is synchronous, hence a process to wait for.
 */
const bundleCommand = (entry: string, outputDir: string): string[] => [
  'node',
  '--import',
  'tsx',
  path.join('infra', 'bundle-function-cli.ts'),
  entry,
  outputDir,
];

/** Runs the bundler for `entry` into `outputDir`; throws when it fails (esbuild's message is on stderr). */
export const bundleInChildProcess = (entry: string, outputDir: string): void => {
  const [, ...args] = bundleCommand(entry, outputDir);
  const result = spawnSync(process.execPath, args, {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`bundling ${entry} failed (exit ${result.status ?? result.signal})`);
  }
};

/** The asset of the function whose entry is `entry` (relative to the repository root). */
export const functionCode = (entry: string): Code =>
  Code.fromAsset(REPO_ROOT, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never run: local bundling either writes the bundle or throws, so CDK never falls back
      // to Docker. The command still matters: CDK caches staged assets by these options, the
      // local bundler (a function) is invisible to that key, and the command names the entry.
      image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:22'),
      command: bundleCommand(entry, '/asset-output'),
      local: {
        tryBundle: (outputDir) => {
          bundleInChildProcess(entry, outputDir);
          return true;
        },
      },
    },
  });

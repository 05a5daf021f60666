import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/** Shared by every tier: quiet SDK and Powertools, never real AWS. */
const env = {
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  AWS_REGION: 'ap-southeast-2',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  POWERTOOLS_TRACE_ENABLED: 'false',
  POWERTOOLS_METRICS_DISABLED: 'true',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
};

/**
 * Unit files share one module registry (`isolate: false`): importing zod, the SDK and lib/ once
 * instead of once per file took the unit tier from about 54 s to 17 s of CPU on 2 cores. A file
 * that patches shared state — module mocks, SDK client mocks (aws-sdk-client-mock patches the
 * client class itself), spies, fake timers, environment variables — would leak it into the
 * files after it, so such files are found by what they call and run isolated, one registry each.
 */
const SHARED_STATE_PATCH =
  /vi\.(?:mock|doMock|stubEnv|stubGlobal|spyOn|useFakeTimers)\b|mockClient\(|process\.env(?:\.\w+|\[[^\]]+\])\s*(?:\?\?|\|\||&&)?=(?!=)|Object\.assign\(process\.env|delete process\.env/;
const unitFiles = readdirSync('test/unit', { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.test.ts'))
  .map((file) => `test/unit/${file}`);
const isolatedUnitFiles = unitFiles.filter((file) => SHARED_STATE_PATCH.test(readFileSync(file, 'utf8')));

// Global setup (DynamoDB Local, the local runtime) runs in this process, not in the test workers.
Object.assign(process.env, { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' });

export default defineConfig({
  test: {
    env,
    // Projects of one group run together and must share a worker count. Every tier runs on two
    // workers, one group after another, so that the JVMs of integration (one per worker) and e2e
    // (the runtime's) never compete for the two cores at once.
    projects: [
      {
        // A few unit tests walk every route and schema (seconds on a busy 2-core machine): room beyond the default 5 s.
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          env,
          include: ['test/unit/**/*.test.ts'],
          exclude: isolatedUnitFiles,
          isolate: false,
          maxWorkers: 2,
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'unit-isolated',
          sequence: { groupOrder: 0 },
          env,
          // An empty include would mean vitest's default pattern, every file.
          include: isolatedUnitFiles.length > 0 ? isolatedUnitFiles : ['test/unit/no-isolated-files'],
          maxWorkers: 2,
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          sequence: { groupOrder: 1 },
          env,
          include: ['test/integration/**/*.test.ts'],
          // Two files at a time, each worker on its own DynamoDB Local (dynamodb-global-setup.ts).
          maxWorkers: 2,
          globalSetup: ['test/support/dynamodb-global-setup.ts'],
          setupFiles: ['test/support/integration-table.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'infra',
          sequence: { groupOrder: 0 },
          env,
          include: ['test/infra/**/*.test.ts'],
          // Every file synthesizes the same app from the same modules: sharing one module registry
          // (aws-cdk-lib imported once, synth.ts's memoised stages reused) cuts the project's CPU
          // time to about a third. The files hold no module state of their own.
          isolate: false,
          maxWorkers: 2,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          env,
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/local-runtime-global-setup.ts'],
          // Files run side by side against one runtime (test/support/e2e-lock.ts orders the
          // checks that nothing was written).
          maxWorkers: 2,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});

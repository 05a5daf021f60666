import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { afterAll, describe, expect, it } from 'vitest';
import { functionEntries } from '../../infra/app-definition.js';
import { FUNCTION_BUNDLE_FILE } from '../../infra/bundling.js';
import { FUNCTION_RUNTIME } from '../../infra/constructs/app-function.js';
import { FUNCTION_HANDLER, functionCode } from '../../infra/constructs/function-code.js';

const entryOf = (name: string): string => {
  const found = functionEntries().find(([candidate]) => candidate === name);
  if (!found) throw new Error(`${name} is an app function`);
  return found[1].entry;
};

// The other infra tests skip bundling; this one bundles, as `cdk synth` and `cdk deploy` do.
describe('function code assets, bundled', () => {
  const outdir = mkdtempSync(path.join(tmpdir(), 'function-code-'));
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it("gives each function its own bundle (CDK's asset cache keys on the entry)", () => {
    const app = new App({ outdir });
    const stack = new Stack(app, 'Bundled');
    const entries = { Health: entryOf('health'), GetStore: entryOf('getStore') };
    for (const [id, entry] of Object.entries(entries)) {
      new LambdaFunction(stack, id, {
        code: functionCode(entry),
        handler: FUNCTION_HANDLER,
        runtime: FUNCTION_RUNTIME,
      });
    }
    const assembly = app.synth();
    const functions = Template.fromStack(stack).findResources('AWS::Lambda::Function');
    const keyOf = (id: string): string => {
      const found = Object.entries(functions).find(([logicalId]) => logicalId.startsWith(id));
      const key = (found?.[1] as { Properties: { Code: { S3Key: string } } } | undefined)?.Properties.Code
        .S3Key;
      if (!key) throw new Error(`no ${id} function`);
      return key;
    };
    expect(keyOf('Health')).not.toBe(keyOf('GetStore'));
    // Each asset is its own entry's bundle: the health check's bundle has no store handler in it.
    const bundleOf = (id: string) =>
      readFileSync(
        path.join(assembly.directory, `asset.${keyOf(id).replace(/\.zip$/, '')}`, FUNCTION_BUNDLE_FILE),
        'utf8',
      );
    expect(bundleOf('GetStore').length).toBeGreaterThan(bundleOf('Health').length);
    expect(bundleOf('GetStore')).not.toBe(bundleOf('Health'));
  });
});

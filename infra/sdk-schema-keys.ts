/**
 * An esbuild plugin that lets esbuild tree-shake the AWS SDK's schemas.
 *
 * Since SDK v3.930 each client's operations and shapes are described in one generated module
 * (`dist-es/schemas/schemas_0.js`). Its trait objects use computed keys bound to
 * string constants (`{ [_hE]: 403 }` with `const _hE = "httpError"`). esbuild assumes a
 * computed key may run code (a getter, a `toString`). So it keeps every statement that has
 * one, and with them the schema of every operation of the client: 55 KiB of S3's in a
 * function that only gets and puts objects (docs/performance.md, "Bundles and cold starts").
 *
 * The SDK's issue is aws/aws-sdk-js-v3#7607. Its fix (smithy-lang/smithy-typescript#1889)
 * writes literal keys; this plugin does the same while loading the file. Each key is only
 * ever one of the module's own string constants, so the objects are the same.
 * test/unit/infra/sdk-schema-keys.test.ts loads every installed client's schemas both ways
 * and compares them. Remove the plugin when the SDK ships literal keys: that test fails
 * when no installed client has a key left to rewrite.
 */
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';

/** A client's generated schema module. */
export const SDK_SCHEMA_FILE =
  /[\\/]@aws-sdk[\\/]client-[^\\/]+[\\/]dist-es[\\/]schemas[\\/]schemas_\d+\.js$/;

/** `const _hE = "httpError";`: a top-level string constant (the generator writes one per line). */
const STRING_CONSTANT = /^const (_\w+) = ("(?:[^"\\\n]|\\.)*");$/gm;

/** `[_hE]:`: a computed key bound to a constant. */
const COMPUTED_KEY = /\[(_\w+)\]:/g;

/** The schema module with each computed key of a string constant written as that string. */
export const literalSchemaKeys = (source: string): string => {
  const constants = new Map<string, string>();
  for (const [, name, literal] of source.matchAll(STRING_CONSTANT)) {
    if (name && literal) constants.set(name, literal);
  }
  return source.replace(COMPUTED_KEY, (key: string, name: string) => {
    const literal = constants.get(name);
    return literal === undefined ? key : `${literal}:`;
  });
};

export const sdkSchemaKeysPlugin: Plugin = {
  name: 'sdk-schema-keys',
  setup(build) {
    build.onLoad({ filter: SDK_SCHEMA_FILE }, async ({ path }) => ({
      contents: literalSchemaKeys(await readFile(path, 'utf8')),
      loader: 'js',
    }));
  },
};

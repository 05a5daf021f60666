import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');

const sources = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));

/** `import … from '…/infra/…'`, type-only imports included: the layering is by source, not by bundle. */
const importsInfra = (file: string): string[] =>
  [...readFileSync(join(root, file), 'utf8').matchAll(/from\s+'((?:\.\.\/)+infra\/[^']+)'/g)].map(
    (match) => match[1] ?? '',
  );

describe('layering', () => {
  it('keeps handlers and lib/ free of infra/ imports (CDK and the local runtime stay out of Lambda)', () => {
    expect(sources('functions').length).toBeGreaterThan(50);
    expect(sources('lib').length).toBeGreaterThan(100);
    const offenders = [...sources('functions'), ...sources('lib')].flatMap((file) =>
      importsInfra(file).map((target) => `${file} → ${target}`),
    );
    expect(offenders).toEqual([]);
  });
});

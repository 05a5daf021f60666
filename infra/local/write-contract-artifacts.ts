/** `npm run contracts:generate`: rewrites the artifacts generated from the route contracts that are stale. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { staleArtifacts } from './contract-artifacts.js';
import { REPO_ROOT } from './repo-paths.js';

const stale = staleArtifacts();
for (const { file, content } of stale) writeFileSync(path.join(REPO_ROOT, file), content);
process.stdout.write(
  stale.length === 0
    ? 'contract artifacts are up to date\n'
    : `wrote ${stale.map(({ file }) => file).join(', ')}\n`,
);

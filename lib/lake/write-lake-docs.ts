/** `npm run lake:docs`: writes docs/lake-tables.md from the lake's table declarations and named queries. */
import { writeFileSync } from 'node:fs';
import { LAKE_DOC_PATH, renderLakeDoc } from './lake-table-docs.js';

writeFileSync(LAKE_DOC_PATH, renderLakeDoc());
process.stdout.write(`wrote ${LAKE_DOC_PATH}\n`);

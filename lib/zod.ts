/**
 * zod/mini, with zod's English messages. The code that runs in Lambda validates with zod/mini
 * (its functional API tree-shakes to a third of classic zod's bytes; docs/performance.md,
 * "Bundles and cold starts"). Classic zod registers the English locale on first use; zod/mini
 * does not, and would answer every issue with "Invalid input" — the messages our problem
 * documents carry. Import zod from here, not from 'zod/mini', so that every module graph that
 * builds a schema also sets the locale.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config(en());

export * from 'zod/mini';

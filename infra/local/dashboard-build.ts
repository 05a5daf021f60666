/**
 * Builds the finance dashboard (dashboard/) into static files with esbuild: `app.js` (the page's
 * TypeScript and uPlot in one ES module), `styles.css` (ours with uPlot's) and `index.html`.
 * The local runtime serves the result at /dashboard; the DashboardSite construct deploys the same
 * folder to S3 behind CloudFront (with a `config.json` naming the API), so both run one build.
 */
import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { REPO_ROOT } from './repo-paths.js';

export const DASHBOARD_SOURCE_DIR = join(REPO_ROOT, 'dashboard');
/** The build output (gitignored): what `assetsPath` of the DashboardSite construct points at. */
export const DASHBOARD_DIST_DIR = join(DASHBOARD_SOURCE_DIR, 'dist');

export interface DashboardBuildOptions {
  /** Default `dashboard/dist`. Replaced whole, so no stale file is served or deployed. */
  outDir?: string;
  /** Default true; false keeps the bundle readable when debugging. */
  minify?: boolean;
}

export const buildDashboard = async (options: DashboardBuildOptions = {}): Promise<string> => {
  const outDir = options.outDir ?? DASHBOARD_DIST_DIR;
  // Built aside and swapped in, so a running `npm start` never serves a half-written folder.
  const staging = `${outDir}.building-${process.pid}-${Date.now()}`;
  await mkdir(staging, { recursive: true });
  try {
    await build({
      absWorkingDir: REPO_ROOT,
      entryPoints: {
        app: join(DASHBOARD_SOURCE_DIR, 'src', 'main.ts'),
        styles: join(DASHBOARD_SOURCE_DIR, 'styles.css'),
      },
      outdir: staging,
      // Fixed names, as index.html links them (`app.js`, `styles.css`).
      entryNames: '[name]',
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: ['es2022', 'chrome110', 'firefox110', 'safari16'],
      minify: options.minify ?? true,
      sourcemap: 'linked',
      legalComments: 'linked',
      logLevel: 'silent',
      tsconfig: join(DASHBOARD_SOURCE_DIR, 'tsconfig.json'),
    });
    await copyFile(join(DASHBOARD_SOURCE_DIR, 'index.html'), join(staging, 'index.html'));
    await rm(outDir, { recursive: true, force: true });
    await rename(staging, outDir);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return outDir;
};

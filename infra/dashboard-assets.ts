import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './bundling.js';

/** Where the dashboard's build (esbuild, dashboard/) puts the page that DashboardSite deploys. */
export const DASHBOARD_DIST = path.join(REPO_ROOT, 'dashboard', 'dist');

/**
 * The built dashboard for `cdk synth`. Without a build the synth stops: a stack deployed
 * without its page would look fine and serve nothing.
 */
export const builtDashboard = (directory: string = DASHBOARD_DIST): string => {
  if (!existsSync(path.join(directory, 'index.html')))
    throw new Error(
      `The finance dashboard is not built (${path.relative(REPO_ROOT, directory)}/index.html is missing): run "npm run dashboard:build" before cdk synth/deploy`,
    );
  return directory;
};

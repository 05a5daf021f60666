/**
 * `npm run dashboard:build`: writes the dashboard's static files to dashboard/dist (what
 * `npm start` serves at /dashboard and the DashboardSite construct deploys), and says where.
 */
import { relative } from 'node:path';
import { buildDashboard } from './dashboard-build.js';
import { REPO_ROOT } from './repo-paths.js';

const outDir = await buildDashboard();
process.stdout.write(`Dashboard built in ${relative(REPO_ROOT, outDir)}/\n`);

import { httpHandler } from '../../lib/http/http-handler.js';
import { logger } from '../../lib/observability.js';
import { takingsReportRoute } from '../../lib/reports/report-routes.js';
import { newReadMeter } from '../../lib/reports/rollup-reads.js';
import { takingsReport } from '../../lib/reports/takings-report.js';

export const handler = httpHandler(takingsReportRoute, async ({ principal, query }) => {
  const meter = newReadMeter();
  const body = await takingsReport(principal, query, meter);
  logger.info('takings report read', { ...meter });
  return { status: 200, body };
});

import { httpHandler } from '../../lib/http/http-handler.js';
import { logger } from '../../lib/observability.js';
import { salesReportRoute } from '../../lib/reports/report-routes.js';
import { newReadMeter } from '../../lib/reports/rollup-reads.js';
import { salesReport } from '../../lib/reports/sales-report.js';

export const handler = httpHandler(salesReportRoute, async ({ principal, query }) => {
  const meter = newReadMeter();
  const body = await salesReport(principal, query, meter);
  logger.info('sales report read', { ...meter });
  return { status: 200, body };
});

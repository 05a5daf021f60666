import { httpHandler } from '../../lib/http/http-handler.js';
import { logger } from '../../lib/observability.js';
import { stockReportRoute } from '../../lib/reports/report-routes.js';
import { newReadMeter } from '../../lib/reports/rollup-reads.js';
import { stockReport } from '../../lib/reports/stock-report.js';

export const handler = httpHandler(stockReportRoute, async ({ principal, query }) => {
  const meter = newReadMeter();
  const body = await stockReport(principal, query, meter);
  logger.info('stock report read', { ...meter });
  return { status: 200, body };
});

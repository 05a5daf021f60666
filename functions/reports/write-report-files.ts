import { addDays, utcDay } from '../../lib/reports/report-days.js';
import { writeDailyReportFiles } from '../../lib/reports/report-files.js';
import { scheduledHandler } from '../../lib/runtime/scheduled-handler.js';

// The previous UTC day of the schedule's own time, so a retried invocation writes the same day.
export const handler = scheduledHandler('writeReportFiles', async (event) =>
  writeDailyReportFiles(addDays(utcDay(event.time ? new Date(event.time) : new Date()), -1)),
);

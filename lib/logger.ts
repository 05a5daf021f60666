import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One Powertools logger per Lambda module (created once, at cold start); service name and
 * log level come from the POWERTOOLS_* environment the app definition sets. A module of its
 * own, apart from the metrics (lib/metrics.ts), so that a function that only logs (the event
 * consumers, the importer) does not bundle and construct Powertools Metrics
 * (docs/performance.md, "Import, lake and event functions").
 */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'storefleet' });

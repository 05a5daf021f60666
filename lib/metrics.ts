import { Metrics } from '@aws-lambda-powertools/metrics';

/**
 * One Powertools metrics per Lambda module, for the chains that publish (the HTTP chain, the
 * scheduled jobs, the stream publisher, the change exporter); namespace and service come from
 * the POWERTOOLS_* environment. Imported only by those, so functions that never publish a
 * metric do not carry it (lib/logger.ts).
 */
export const metrics = new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'storefleet',
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'storefleet',
});

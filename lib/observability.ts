import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

/**
 * One Powertools logger and metrics per Lambda module (created once, at cold start). Service
 * name, namespace and log level come from the POWERTOOLS_* environment the app definition
 * sets, so nothing here is stage specific.
 *
 * No Powertools Tracer: it loads the X-Ray SDK (with cls-hooked and semver), 120 KiB of every
 * bundle and a measurable share of its cold import, for subsegments around each SDK call.
 * Lambda's active tracing (infra/constructs/app-function.ts) still records every invocation
 * (its initialization, invocation and overhead), and the SDK forwards the trace header to
 * the services it calls; the request id in every log line ties the rest together
 * (docs/performance.md, "Bundles and cold starts").
 */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'storefleet' });
export const metrics = new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'storefleet',
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'storefleet',
});

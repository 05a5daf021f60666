/**
 * The logger and the metrics of a Lambda module, for chains that use both (lib/http). A module
 * that only logs imports lib/logger.ts, so that it does not bundle Powertools Metrics.
 *
 * No Powertools Tracer: it loads the X-Ray SDK (with cls-hooked and semver), 120 KiB of every
 * bundle and a measurable share of its cold import, for subsegments around each SDK call.
 * Lambda's active tracing (infra/constructs/app-function.ts) still records every invocation
 * (its initialization, invocation and overhead), and the SDK forwards the trace header to
 * the services it calls; the request id in every log line ties the rest together
 * (docs/performance.md, "Bundles and cold starts").
 */
export { logger } from './logger.js';
export { metrics } from './metrics.js';

import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';

/**
 * One Powertools logger, metrics and tracer per Lambda module (created once, at cold start).
 * Service name, namespace and log level come from the POWERTOOLS_* environment the app
 * definition sets, so nothing here is stage specific.
 */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'storefleet' });
export const metrics = new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'storefleet',
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'storefleet',
});
export const tracer = new Tracer({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'storefleet' });

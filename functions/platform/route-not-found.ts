import { MethodNotAllowedError, NotFoundError } from '../../lib/errors.js';
import { httpChain } from '../../lib/http/http-handler.js';
import { matchRoute } from '../../lib/http/route-matcher.js';
import { apiRoutes } from '../../lib/platform/api-routes.js';

const routes = apiRoutes();

/** API Gateway's `$default` route: anything no route matched becomes a 404 or 405 problem. */
export const handler = httpChain('$default', async (event) => {
  const match = matchRoute(routes, event.requestContext.http.method, event.rawPath);
  if (match.kind === 'method-not-allowed') throw new MethodNotAllowedError(match.allowed);
  throw new NotFoundError({ detail: `No route for ${event.requestContext.http.method} ${event.rawPath}.` });
});

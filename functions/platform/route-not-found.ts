import { MethodNotAllowedError, NotFoundError } from '../../lib/errors.js';
import { httpChain } from '../../lib/http/http-handler.js';
import { matchRoute } from '../../lib/http/route-matcher.js';
import { ROUTE_TABLE } from '../../lib/platform/route-table.generated.js';

/**
 * API Gateway's `$default` route: anything no route matched becomes a 404 or 405 problem. It
 * matches against the generated method/path table, not the route contracts, so that no
 * contract's schemas are bundled or built here (npm run contracts:generate).
 */
export const handler = httpChain('$default', async (event) => {
  const match = matchRoute(ROUTE_TABLE, event.requestContext.http.method, event.rawPath);
  if (match.kind === 'method-not-allowed') throw new MethodNotAllowedError(match.allowed);
  throw new NotFoundError({ detail: `No route for ${event.requestContext.http.method} ${event.rawPath}.` });
});

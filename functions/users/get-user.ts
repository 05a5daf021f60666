import { httpHandler } from '../../lib/http/http-handler.js';
import { getUserRoute } from '../../lib/users/user-routes.js';
import { getUser } from '../../lib/users/user-service.js';

export const handler = httpHandler(getUserRoute, async ({ principal, params }) => {
  const user = await getUser(principal, params.username);
  return { status: 200, body: user, version: user.version };
});

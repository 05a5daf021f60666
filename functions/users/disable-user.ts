import { httpHandler } from '../../lib/http/http-handler.js';
import { disableUserRoute } from '../../lib/users/user-routes.js';
import { disableUser } from '../../lib/users/user-service.js';

export const handler = httpHandler(disableUserRoute, async ({ principal, params }) => {
  const user = await disableUser(principal, params.username);
  return { status: 200, body: user, version: user.version };
});

import { httpHandler } from '../../lib/http/http-handler.js';
import { updateUserRoute } from '../../lib/users/user-routes.js';
import { updateUser } from '../../lib/users/user-service.js';

export const handler = httpHandler(updateUserRoute, async ({ principal, params, body, ifMatch }) => {
  const user = await updateUser(principal, params.username, body, ifMatch);
  return { status: 200, body: user, version: user.version };
});

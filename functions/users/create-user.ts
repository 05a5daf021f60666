import { httpHandler } from '../../lib/http/http-handler.js';
import { createUserRoute } from '../../lib/users/user-routes.js';
import { createUser } from '../../lib/users/user-service.js';

export const handler = httpHandler(createUserRoute, async ({ principal, body }) => {
  const user = await createUser(principal, body);
  return { status: 201, body: user, version: user.version, location: `/users/${user.username}` };
});

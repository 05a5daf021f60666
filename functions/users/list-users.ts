import { httpHandler } from '../../lib/http/http-handler.js';
import { listUsersRoute } from '../../lib/users/user-routes.js';
import { listUsers } from '../../lib/users/user-service.js';

export const handler = httpHandler(listUsersRoute, async ({ principal, query }) => ({
  status: 200,
  body: await listUsers(principal, query),
}));

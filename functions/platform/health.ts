import { httpHandler } from '../../lib/http/http-handler.js';
import { healthRoute } from '../../lib/platform/platform-routes.js';

export const handler = httpHandler(healthRoute, async () => ({ status: 200, body: { status: 'ok' } }));

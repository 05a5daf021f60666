import { listFeedbackRoute } from '../../lib/customers/customer-routes.js';
import { listFeedback } from '../../lib/customers/feedback-service.js';
import { httpHandler } from '../../lib/http/http-handler.js';

export const handler = httpHandler(listFeedbackRoute, async ({ params, query }) => ({
  status: 200,
  body: await listFeedback(params.customerId, query),
}));

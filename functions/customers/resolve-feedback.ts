import { resolveFeedbackRoute } from '../../lib/customers/customer-routes.js';
import { resolveFeedback } from '../../lib/customers/feedback-service.js';
import { httpHandler } from '../../lib/http/http-handler.js';

export const handler = httpHandler(resolveFeedbackRoute, async ({ principal, params, body, ifMatch }) => {
  const feedback = await resolveFeedback(principal, params.customerId, params.feedbackId, body, ifMatch);
  return { status: 200, body: feedback, version: feedback.version };
});

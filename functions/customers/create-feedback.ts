import { createFeedbackRoute } from '../../lib/customers/customer-routes.js';
import { createFeedback } from '../../lib/customers/feedback-service.js';
import { httpHandler } from '../../lib/http/http-handler.js';

export const handler = httpHandler(createFeedbackRoute, async ({ principal, params, body }) => {
  const feedback = await createFeedback(principal, params.customerId, body);
  return {
    status: 201,
    body: feedback,
    version: feedback.version,
    location: `/customers/${feedback.customerId}/feedback/${feedback.feedbackId}`,
  };
});

import { DeclaredError, defineProblem, documentProblem } from '../errors.js';
import * as z from '../zod.js';

/**
 * The customer existed and their personal data was erased (DELETE /customers/{id}): 410 rather
 * than 404, so a till or a support tool can tell "forgotten on request" from a mistyped id. The
 * id lives on in orders, points and feedback, which stay readable; the profile does not.
 */
export class CustomerErasedError extends DeclaredError {
  static override readonly problem = defineProblem({
    slug: 'customer-erased',
    status: 410,
    title: 'Customer erased',
  });
  constructor(customerId: string, erasedAt: string) {
    super({ detail: `Customer ${customerId} was erased on ${erasedAt}.`, extensions: { erasedAt } });
  }
}

/** What `CustomerErasedError` means, for the problem catalog and the OpenAPI document only. */
export const customerErasedErrorDocs = /* @__PURE__ */ (() =>
  documentProblem(CustomerErasedError, {
    description:
      'The customer’s personal data was erased on request; the profile cannot be read or changed, and no feedback or points adjustment can be added. Their orders, points ledger and feedback remain under the same id.',
    extensions: { erasedAt: z.iso.datetime() },
  }))();

import { type AppError, ConflictError, defineProblem, documentProblem, NotFoundError } from '../errors.js';
import * as z from '../zod.js';
import { tableName } from './client.js';
import { ContentionError } from './contention.js';
import type { TableKey } from './keys.js';
import type { GuardedWrite } from './transact.js';

/** An action asked of a transfer, purchase order or order in a status that does not allow it (409). */
export class InvalidStateError extends ConflictError {
  static override readonly problem = defineProblem({
    slug: 'invalid-state',
    status: 409,
    title: 'Not allowed in the current status',
  });
  constructor(
    what: string,
    readonly currentStatus: string,
    action: string,
    allowedFrom: readonly string[],
  ) {
    super({
      detail: `${what} is ${currentStatus}; ${action} needs ${allowedFrom.join(' or ')}.`,
      extensions: { currentStatus, allowedFrom },
    });
  }
}

/** What `InvalidStateError` means, for the problem catalog and the OpenAPI document only. */
export const invalidStateErrorDocs = /* @__PURE__ */ (() =>
  documentProblem(InvalidStateError, {
    description:
      'The resource is in a status the action does not allow: `currentStatus` is where it is, `allowedFrom` where the action may start.',
    extensions: { currentStatus: z.string(), allowedFrom: z.array(z.string()) },
  }))();

export interface StatusTransition {
  /** The entity as it will be after the action (its full item, keys included). */
  item: TableKey & Record<string, unknown>;
  /** Status and version the caller read; the write happens only if both still hold. */
  current: { status: string; version: number };
  /** How errors name the entity, e.g. `Transfer tr_…`. */
  what: string;
  action: string;
  allowedFrom: readonly string[];
}

/**
 * The write of a state machine's step, for the caller's transaction: the new item, only if the
 * entity is still in the status and at the version it was read at. When the condition fails,
 * the item as it is now says why: gone (404), moved to a status the action does not allow (409
 * invalid-state), or merely changed by someone else (ContentionError: the caller's step runs
 * under retryOnContention, re-reads and plans the action again on what is there now).
 */
export const statusTransitionWrite = (transition: StatusTransition): GuardedWrite => ({
  write: {
    Put: {
      TableName: tableName(),
      Item: transition.item,
      ConditionExpression: '#status = :status AND version = :version',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':status': transition.current.status,
        ':version': transition.current.version,
      },
    },
  },
  onConditionFailed: (now: Record<string, unknown> | undefined): AppError => {
    if (!now) return new NotFoundError({ detail: `${transition.what} was not found.` });
    const status = String(now.status);
    if (!transition.allowedFrom.includes(status)) {
      return new InvalidStateError(transition.what, status, transition.action, transition.allowedFrom);
    }
    return new ContentionError({ detail: `${transition.what} changed while this request ran.` });
  },
});

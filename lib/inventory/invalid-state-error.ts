import { ConflictError } from '../errors.js';

/** A transition asked of a transfer or purchase order in a status that does not allow it (409). */
export class InvalidStateError extends ConflictError {
  override readonly slug = 'invalid-state';
  override readonly title = 'Not allowed in the current status';
  constructor(
    what: string,
    readonly currentStatus: string,
    action: string,
    allowedFrom: readonly string[],
  ) {
    super({
      detail: `${what} is ${currentStatus}; ${action} needs ${allowedFrom.join(' or ')}.`,
      extensions: { currentStatus },
    });
  }
}

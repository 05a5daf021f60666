/**
 * PutEvents' checks, as EventBridge makes them: the whole request is rejected (ValidationException)
 * for more than 10 entries or more than 256 KB in all; otherwise each entry is accepted or answered
 * with its own ErrorCode/ErrorMessage (a partial failure).
 */
export interface PutEventsEntry {
  Source?: string;
  DetailType?: string;
  Detail?: string;
  EventBusName?: string;
  Resources?: string[];
  Time?: Date | undefined;
}

export type PutEventsResultEntry = { EventId: string } | { ErrorCode: string; ErrorMessage: string };
export interface PutEventsResult {
  FailedEntryCount: number;
  Entries: PutEventsResultEntry[];
}

export class PutEventsValidationError extends Error {
  override readonly name = 'PutEventsValidationError';
}

export const MAX_ENTRIES = 10;
export const MAX_REQUEST_BYTES = 256 * 1024;

const bytes = (text: string | undefined) => (text ? Buffer.byteLength(text, 'utf8') : 0);

/** AWS's documented entry size: Time 14 bytes, then the UTF-8 bytes of Source, DetailType, Detail and each resource. */
export const entrySize = (entry: PutEventsEntry): number =>
  (entry.Time ? 14 : 0) +
  bytes(entry.Source) +
  bytes(entry.DetailType) +
  bytes(entry.Detail) +
  (entry.Resources ?? []).reduce((sum, resource) => sum + bytes(resource), 0);

const invalid = (field: string, reason: string) => ({
  error: { ErrorCode: 'InvalidArgument', ErrorMessage: `Parameter ${field} is not valid. Reason: ${reason}` },
});

const busMatches = (given: string | undefined, busName: string) =>
  given === busName || (given?.startsWith('arn:') === true && given.endsWith(`:event-bus/${busName}`));

export type CheckedEntry =
  | { entry: PutEventsEntry; detail: Record<string, unknown> }
  | ReturnType<typeof invalid>;

export const validatePutEvents = (entries: PutEventsEntry[], busName: string): CheckedEntry[] => {
  if (entries.length === 0)
    throw new PutEventsValidationError(
      "1 validation error detected: Value '[]' at 'entries' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  if (entries.length > MAX_ENTRIES)
    throw new PutEventsValidationError(
      `1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length less than or equal to ${MAX_ENTRIES}`,
    );
  if (entries.reduce((sum, entry) => sum + entrySize(entry), 0) > MAX_REQUEST_BYTES)
    throw new PutEventsValidationError('Total size of the entries in the request is over the limit.');
  return entries.map((entry) => {
    if (!busMatches(entry.EventBusName, busName))
      return {
        error: {
          ErrorCode: 'ResourceNotFoundException',
          ErrorMessage: `Event bus ${entry.EventBusName ?? 'default'} does not exist.`,
        },
      };
    if (typeof entry.Source !== 'string' || entry.Source.trim() === '')
      return invalid('Source', 'Source is a required argument.');
    if (typeof entry.DetailType !== 'string' || entry.DetailType.trim() === '')
      return invalid('DetailType', 'DetailType is a required argument.');
    if (typeof entry.Detail !== 'string') return invalid('Detail', 'Detail is a required argument.');
    if (entry.Time && Number.isNaN(entry.Time.getTime()))
      return invalid('Time', 'Time is not a valid timestamp.');
    if (
      entry.Resources !== undefined &&
      !(Array.isArray(entry.Resources) && entry.Resources.every((r) => typeof r === 'string'))
    )
      return invalid('Resources', 'Resources must be a list of strings.');
    let detail: unknown;
    try {
      detail = JSON.parse(entry.Detail);
    } catch {
      detail = undefined;
    }
    if (typeof detail !== 'object' || detail === null || Array.isArray(detail))
      return { error: { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' } };
    return { entry, detail: detail as Record<string, unknown> };
  });
};

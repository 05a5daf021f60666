import { ENTITY } from '../db/keys.js';

/**
 * Which attributes of which entity are a customer's personal data, declared once. The audit
 * history names these fields but never holds their values; erasure (DELETE /customers/{id})
 * removes them; the finance lake never receives them (`redactPersonalData`). A points entry's
 * `note` may be free text about the customer (a hand adjustment: "goodwill for Mia's late
 * lenses"), so every note counts as theirs; the system's own notes say nothing the entry's
 * `reason` and `reference` do not.
 */
export const PERSONAL_DATA_FIELDS: Readonly<Record<string, readonly string[]>> = {
  [ENTITY.customer]: ['firstName', 'lastName', 'email', 'phone', 'birthDate', 'prescription'],
  [ENTITY.feedback]: ['message', 'resolution'],
  /** A staff member's own details (the user mirror item): named in the audit, never shown. */
  [ENTITY.user]: ['email', 'givenName', 'familyName'],
  [ENTITY.pointsEntry]: ['note'],
};

const EMPTY: readonly string[] = [];

/** The personal-data attributes of an entity type (none for most). */
export const personalFieldsOf = (entityType: string | undefined): readonly string[] =>
  (entityType !== undefined ? PERSONAL_DATA_FIELDS[entityType] : undefined) ?? EMPTY;

export const isPersonalField = (entityType: string | undefined, field: string): boolean =>
  personalFieldsOf(entityType).includes(field);

/**
 * What a redacted value is replaced by. The field is kept, so a reader of the lake still sees
 * that the item had (or changed) it, but never the value; a string marker rather than `null` so
 * that it cannot be mistaken for a cleared field.
 */
export const REDACTED = '[redacted]';

/**
 * `image` with the value of every personal field of `entityType` replaced by `REDACTED` (a
 * copy; fields the image lacks or holds as null stay so, other entity types come back unchanged). Used on
 * both images of every row of the finance lake's `changes` (lib/lake/change-export-row.ts).
 */
export const redactPersonalData = <T extends Record<string, unknown>>(
  entityType: string | undefined,
  image: T,
): T => {
  const fields = personalFieldsOf(entityType).filter(
    (field) => image[field] !== undefined && image[field] !== null,
  );
  if (fields.length === 0) return image;
  const copy: Record<string, unknown> = { ...image };
  for (const field of fields) copy[field] = REDACTED;
  return copy as T;
};

import { ENTITY } from '../db/keys.js';

/**
 * Which attributes of which entity are a customer's personal data, declared once. The audit
 * history names these fields but never holds their values; erasure (DELETE /customers/{id})
 * removes them; the finance lake never receives them.
 */
export const PERSONAL_DATA_FIELDS: Readonly<Record<string, readonly string[]>> = {
  [ENTITY.customer]: ['firstName', 'lastName', 'email', 'phone', 'birthDate', 'prescription'],
  [ENTITY.feedback]: ['message', 'resolution'],
  /** A staff member's own details (the user mirror item): named in the audit, never shown. */
  [ENTITY.user]: ['email', 'givenName', 'familyName'],
};

const EMPTY: readonly string[] = [];

/** The personal-data attributes of an entity type (none for most). */
export const personalFieldsOf = (entityType: string | undefined): readonly string[] =>
  (entityType !== undefined ? PERSONAL_DATA_FIELDS[entityType] : undefined) ?? EMPTY;

export const isPersonalField = (entityType: string | undefined, field: string): boolean =>
  personalFieldsOf(entityType).includes(field);

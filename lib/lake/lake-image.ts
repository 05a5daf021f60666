import { redactPersonalData } from '../customers/personal-data.js';
import { ENTITY } from '../db/keys.js';
import type { JsonObject } from './change-export-json.js';
import { ageBand } from './compact-reference-rows.js';

/**
 * An item image as the finance lake may keep it: every personal field's value replaced by the
 * marker (lib/customers/personal-data.ts). A customer's birth date is personal, but its ten-year
 * age band on the day of the change is not, and the curated `customers` table reports exactly
 * that (`age_band`, "when the record last changed"), so the band goes in beside the marker.
 */
export const lakeImageOf = (entityType: string, image: JsonObject | null, day: string): JsonObject | null => {
  if (image === null) return null;
  const redacted = redactPersonalData(entityType, image);
  if (entityType !== ENTITY.customer || typeof image.birthDate !== 'string') return redacted;
  const band = ageBand(image.birthDate, day);
  return band === null ? redacted : { ...redacted, ageBand: band };
};

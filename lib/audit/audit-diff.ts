import { keyAttributeTypes, RETIRED_KEY_ATTRIBUTES, TABLE_DEFINITION } from '../db/table-definition.js';
import type { JsonObject, JsonValue } from '../lake/change-export-json.js';

/** One changed field: its path and the values either side (absent = the field did not exist). */
export interface ValueChange {
  field: string;
  before?: JsonValue;
  after?: JsonValue;
}

/** A changed field of a customer's personal data: named, never shown. */
export interface PersonalChange {
  field: string;
  personal: true;
}

/** A change whose values were too large to keep in the entry (lib/audit/audit-item.ts). */
export interface TruncatedChange {
  field: string;
  truncated: true;
}

export type FieldChange = ValueChange | PersonalChange | TruncatedChange;

/**
 * Attributes that are bookkeeping, not business data: every key of the table and its indexes
 * (derived from the table definition, so a new index never shows up as a change), the TTL, the
 * entity type, and the item metadata (`version`, `createdAt`, `updatedAt`, `updatedBy`): who and
 * when are the entry's own `actor` and `at`.
 */
export const BOOKKEEPING_ATTRIBUTES: ReadonlySet<string> = new Set([
  ...Object.keys(keyAttributeTypes()),
  ...RETIRED_KEY_ATTRIBUTES,
  TABLE_DEFINITION.timeToLiveAttribute,
  'entityType',
  'version',
  'createdAt',
  'updatedAt',
  'updatedBy',
]);

/** Nested maps are followed this deep (`reorderRule.reorderPoint`); deeper ones compare whole. */
const MAX_DEPTH = 3;

const isObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Structural equality of plain JSON (object key order does not matter). */
export const sameJson = (a: JsonValue | undefined, b: JsonValue | undefined): boolean => {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((value, index) => sameJson(value, b[index]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && sameJson(a[key], b[key]));
  }
  return false;
};

/**
 * An array whose elements are all objects with distinct string `sku`s (a product's variants, an
 * order's lines) is compared element by element, keyed by SKU: a price change of one variant
 * reads `variants[ACU-1].price`, not the whole array twice.
 */
const bySku = (value: JsonValue | undefined): Map<string, JsonObject> | undefined => {
  if (!Array.isArray(value)) return undefined;
  const keyed = new Map<string, JsonObject>();
  for (const element of value) {
    if (!isObject(element) || typeof element.sku !== 'string' || keyed.has(element.sku)) return undefined;
    keyed.set(element.sku, element);
  }
  return keyed;
};

const change = (field: string, before: JsonValue | undefined, after: JsonValue | undefined): ValueChange => ({
  field,
  ...(before !== undefined ? { before } : {}),
  ...(after !== undefined ? { after } : {}),
});

const diffValues = (
  field: string,
  before: JsonValue | undefined,
  after: JsonValue | undefined,
  depth: number,
): ValueChange[] => {
  if (sameJson(before, after)) return [];
  if (depth < MAX_DEPTH && isObject(before) && isObject(after))
    return diffObjects(field, before, after, depth + 1);
  const beforeSkus = depth < MAX_DEPTH ? bySku(before) : undefined;
  const afterSkus = beforeSkus ? bySku(after) : undefined;
  if (beforeSkus && afterSkus) {
    const skus = [...new Set([...beforeSkus.keys(), ...afterSkus.keys()])];
    return skus.flatMap((sku) =>
      diffValues(`${field}[${sku}]`, beforeSkus.get(sku), afterSkus.get(sku), depth + 1),
    );
  }
  return [change(field, before, after)];
};

const diffObjects = (prefix: string, before: JsonObject, after: JsonObject, depth: number): ValueChange[] =>
  [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .sort()
    .flatMap((key) => diffValues(prefix ? `${prefix}.${key}` : key, before[key], after[key], depth));

/**
 * The business fields that differ between two images (pure): unchanged fields and bookkeeping
 * left out, nested maps and SKU-keyed arrays followed to the field that changed, a personal
 * field (`personalFields`) named with `personal: true` and no value whatever changed inside it.
 * A creation has only `after`s, a deletion only `before`s. Sorted by field, so the same images
 * always give the same entry.
 */
export const diffImages = (
  oldImage: JsonObject | null,
  newImage: JsonObject | null,
  personalFields: readonly string[],
): FieldChange[] => {
  const before = oldImage ?? {};
  const after = newImage ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((field) => !BOOKKEEPING_ATTRIBUTES.has(field))
    .sort();
  return fields.flatMap((field): FieldChange[] => {
    if (sameJson(before[field], after[field])) return [];
    if (personalFields.includes(field)) return [{ field, personal: true }];
    return diffValues(field, before[field], after[field], 1);
  });
};

export const isPersonalChange = (fieldChange: FieldChange): fieldChange is PersonalChange =>
  'personal' in fieldChange;

import type { Role } from './roles.js';

/**
 * Field-level authorization, in one place: per resource type, the fields each role may not
 * see. Every response mapper of such a resource passes its body through `hideFields`, so a
 * rule added here applies to every route that answers that resource. A path names nested
 * properties with dots; `[]` steps into every element of an array.
 *
 * Purchase orders (unit costs) need no rule: staff lack `purchasing:read` altogether. Orders,
 * transfers, stock levels and movements carry no cost.
 */
export const FIELD_RULES = {
  /** Cost prices are for admin, managers and finance; staff sell at the price. */
  product: { staff: ['variants[].cost'] },
} as const satisfies Record<string, Partial<Record<Role, readonly string[]>>>;

export type ResourceType = keyof typeof FIELD_RULES;

export const hiddenFields = (resource: ResourceType, role: Role): readonly string[] =>
  (FIELD_RULES[resource] as Partial<Record<Role, readonly string[]>>)[role] ?? [];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A copy of `value` without the property at `path` (segments like `variants[]`, `cost`). */
const without = (value: unknown, path: readonly string[]): unknown => {
  const [head, ...rest] = path;
  if (head === undefined || !isRecord(value)) return value;
  const isArrayStep = head.endsWith('[]');
  const name = isArrayStep ? head.slice(0, -2) : head;
  if (!(name in value)) return value;
  if (rest.length === 0 && !isArrayStep) {
    const { [name]: _hidden, ...kept } = value;
    return kept;
  }
  const child = value[name];
  const next = isArrayStep
    ? Array.isArray(child)
      ? child.map((element) => without(element, rest))
      : child
    : without(child, rest);
  return { ...value, [name]: next };
};

/**
 * `body` as `role` may see it: every field the rules hide from that role removed (a copy;
 * the input is not changed). The result type is the input's, with those fields absent, which
 * the response schemas declare optional.
 */
export const hideFields = <T>(resource: ResourceType, role: Role, body: T): T =>
  hiddenFields(resource, role).reduce<unknown>((shaped, path) => without(shaped, path.split('.')), body) as T;

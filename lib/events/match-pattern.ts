/**
 * EventBridge event-pattern matching, for the local bus: `matchesPattern(pattern, event)` answers
 * what a rule with that pattern would answer on AWS, and throws InvalidEventPatternError for a
 * pattern that PutRule would reject.
 *
 * Written by hand: no maintained npm library implements EventBridge's documented semantics
 * faithfully (AWS's own implementation, aws/event-ruler, is Java). The semantics follow the
 * EventBridge user guide ("Content filtering in Amazon EventBridge event patterns", "Comparison
 * operators", "Arrays in event patterns", "Matching null values and empty strings") and
 * event-ruler's README:
 * - fields in a pattern are ANDed; the values in a field's array are ORed;
 * - a pattern value matches a leaf of the event (string, number, boolean, null); when the event's
 *   value is an array, the pattern matches if any element matches; objects inside arrays are
 *   matched element by element (two fields never match across different elements);
 * - matching is type-sensitive: "5" is not 5, "" is not null; numbers compare as numbers;
 * - `exists` looks at leaves only: an object, or an array with no leaf in it, does not exist.
 */
import { BlockList, isIPv4, isIPv6 } from 'node:net';

export type EventPattern = { [field: string]: unknown };

export class InvalidEventPatternError extends Error {
  override readonly name = 'InvalidEventPatternError';
  constructor(reason: string, path: string[]) {
    super(`Event pattern is not valid. Reason: ${reason}${path.length ? ` (at ${path.join('.')})` : ''}`);
  }
}

/** event-ruler's documented range and precision for numeric matching. */
const NUMERIC_LIMIT = 5e9;
const OPERATORS = [
  'prefix',
  'suffix',
  'anything-but',
  'numeric',
  'exists',
  'equals-ignore-case',
  'wildcard',
  'cidr',
] as const;
type Operator = (typeof OPERATORS)[number];

type Leaf = string | number | boolean | null;
type Test = (value: Leaf) => boolean;

/** One compiled entry of a field's value array. `exists` is separate: it looks at all the leaves at once. */
type Matcher = { kind: 'exists'; exists: boolean } | { kind: 'test'; test: Test };

type CompiledNode = {
  fields: { name: string; node: CompiledNode | Matcher[] }[];
  or: CompiledNode[][];
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isLeaf = (value: unknown): value is Leaf =>
  value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

const lower = (value: string) => value.toLowerCase();

// ---------------------------------------------------------------------------------------------
// Compiling (validates as PutRule does, once per pattern object)

const fail = (reason: string, path: string[]): never => {
  throw new InvalidEventPatternError(reason, path);
};

const stringOrIgnoreCase = (operator: string, value: unknown, path: string[]) => {
  if (typeof value === 'string') return { text: value, ignoreCase: false };
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    const inner = value['equals-ignore-case'];
    if (keys.length === 1 && typeof inner === 'string') return { text: inner, ignoreCase: true };
  }
  return fail(`${operator} match pattern must be a string or { "equals-ignore-case": string }`, path);
};

const compileWildcard = (pattern: string, path: string[]): RegExp => {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] as string;
    if (char === '\\') {
      const next = pattern[i + 1];
      if (next !== '*' && next !== '\\')
        fail('wildcard pattern may escape only "*" and "\\" with a backslash', path);
      source += `\\${next}`;
      i++;
    } else if (char === '*') {
      if (pattern[i + 1] === '*') fail('consecutive wildcard characters are not allowed', path);
      source += '[\\s\\S]*';
    } else {
      source += char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`, 'u');
};

const checkNumber = (value: unknown, path: string[]): number => {
  if (typeof value !== 'number' || !Number.isFinite(value))
    return fail('numeric match values must be numbers', path);
  if (Math.abs(value) > NUMERIC_LIMIT)
    return fail(`numeric match values must be between -${NUMERIC_LIMIT} and ${NUMERIC_LIMIT}`, path);
  return value;
};

const compileNumeric = (spec: unknown, path: string[]): Test => {
  if (!Array.isArray(spec) || (spec.length !== 2 && spec.length !== 4))
    return fail('numeric match must be [op, number] or [lower op, number, upper op, number]', path);
  const [op1, n1, op2, n2] = spec as unknown[];
  if (spec.length === 2) {
    const value = checkNumber(n1, path);
    switch (op1) {
      case '=':
        return (v) => typeof v === 'number' && v === value;
      case '<':
        return (v) => typeof v === 'number' && v < value;
      case '<=':
        return (v) => typeof v === 'number' && v <= value;
      case '>':
        return (v) => typeof v === 'number' && v > value;
      case '>=':
        return (v) => typeof v === 'number' && v >= value;
      default:
        return fail(`unrecognized numeric range operator: ${JSON.stringify(op1)}`, path);
    }
  }
  if (op1 !== '>' && op1 !== '>=') return fail('a numeric range must start with ">" or ">="', path);
  if (op2 !== '<' && op2 !== '<=') return fail('a numeric range must end with "<" or "<="', path);
  const bottom = checkNumber(n1, path);
  const top = checkNumber(n2, path);
  if (bottom >= top) return fail('bottom must be less than top in a numeric range', path);
  return (v) =>
    typeof v === 'number' && (op1 === '>' ? v > bottom : v >= bottom) && (op2 === '<' ? v < top : v <= top);
};

const compileCidr = (spec: unknown, path: string[]): Test => {
  const match = typeof spec === 'string' ? /^([^/]+)\/(\d{1,3})$/.exec(spec) : null;
  const address = match?.[1] ?? '';
  const bits = Number(match?.[2]);
  const family = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : undefined;
  if (!match || !family || bits > (family === 'ipv4' ? 32 : 128))
    return fail(`${JSON.stringify(spec)} is not a valid CIDR (e.g. "10.0.0.0/24" or "2001:db8::/32")`, path);
  // node:net's BlockList does the address arithmetic for both families.
  const block = new BlockList();
  block.addSubnet(address, bits, family);
  return (v) => {
    if (typeof v !== 'string') return false;
    if (isIPv4(v)) return block.check(v, 'ipv4');
    if (isIPv6(v)) return block.check(v, 'ipv6');
    return false;
  };
};

const exactTest =
  (expected: Leaf): Test =>
  (v) =>
    v === expected;

const compileAnythingBut = (spec: unknown, path: string[]): Test => {
  if (isLeaf(spec) && spec !== null && typeof spec !== 'boolean') return (v) => v !== spec;
  if (Array.isArray(spec)) {
    const allStrings = spec.every((item) => typeof item === 'string');
    const allNumbers = spec.every((item) => typeof item === 'number');
    if (spec.length === 0 || !(allStrings || allNumbers))
      fail('an anything-but list must hold only strings or only numbers', path);
    const excluded = new Set<Leaf>(spec as Leaf[]);
    return (v) => !excluded.has(v);
  }
  if (isPlainObject(spec)) {
    const keys = Object.keys(spec);
    const [key] = keys;
    const value = key === undefined ? undefined : spec[key];
    if (keys.length === 1 && typeof value === 'string') {
      if (key === 'prefix') return (v) => typeof v === 'string' && !v.startsWith(value);
      if (key === 'suffix') return (v) => typeof v === 'string' && !v.endsWith(value);
    }
    if (keys.length === 1 && (key === 'equals-ignore-case' || key === 'wildcard')) {
      const list = Array.isArray(value) ? value : [value];
      if (list.length === 0 || !list.every((item) => typeof item === 'string'))
        fail(`anything-but ${key} must be a string or a list of strings`, path);
      const strings = list as string[];
      if (key === 'equals-ignore-case') {
        const excluded = new Set(strings.map(lower));
        return (v) => typeof v === 'string' && !excluded.has(lower(v));
      }
      const regexes = strings.map((item) => compileWildcard(item, path));
      return (v) => typeof v === 'string' && !regexes.some((regex) => regex.test(v));
    }
  }
  return fail(
    'anything-but takes a string, a number, a list of only strings or only numbers, or { prefix | suffix | equals-ignore-case | wildcard }',
    path,
  );
};

const compileOperator = (operator: Operator, spec: unknown, path: string[]): Matcher => {
  const test = (fn: Test): Matcher => ({ kind: 'test', test: fn });
  switch (operator) {
    case 'exists':
      if (typeof spec !== 'boolean') fail('exists match pattern must be either true or false', path);
      return { kind: 'exists', exists: spec as boolean };
    case 'prefix': {
      const { text, ignoreCase } = stringOrIgnoreCase(operator, spec, path);
      return test(
        (v) => typeof v === 'string' && (ignoreCase ? lower(v).startsWith(lower(text)) : v.startsWith(text)),
      );
    }
    case 'suffix': {
      const { text, ignoreCase } = stringOrIgnoreCase(operator, spec, path);
      return test(
        (v) => typeof v === 'string' && (ignoreCase ? lower(v).endsWith(lower(text)) : v.endsWith(text)),
      );
    }
    case 'equals-ignore-case': {
      if (typeof spec !== 'string') fail('equals-ignore-case match pattern must be a string', path);
      const expected = lower(spec as string);
      return test((v) => typeof v === 'string' && lower(v) === expected);
    }
    case 'wildcard': {
      if (typeof spec !== 'string') fail('wildcard match pattern must be a string', path);
      const regex = compileWildcard(spec as string, path);
      return test((v) => typeof v === 'string' && regex.test(v));
    }
    case 'numeric':
      return test(compileNumeric(spec, path));
    case 'cidr':
      return test(compileCidr(spec, path));
    case 'anything-but':
      return test(compileAnythingBut(spec, path));
  }
};

const compileValues = (values: unknown[], path: string[]): Matcher[] => {
  if (values.length === 0) fail('empty arrays are not allowed', path);
  return values.map((value): Matcher => {
    if (isLeaf(value)) {
      if (typeof value === 'number') checkNumber(value, path);
      return { kind: 'test', test: exactTest(value) };
    }
    if (isPlainObject(value)) {
      const keys = Object.keys(value);
      const [operator] = keys;
      if (keys.length !== 1 || !OPERATORS.includes(operator as Operator))
        return fail(
          `a match expression must have exactly one of ${OPERATORS.join(', ')}; got ${JSON.stringify(value)}`,
          path,
        );
      return compileOperator(operator as Operator, value[operator as Operator], path);
    }
    return fail('arrays inside a match array are not allowed', path);
  });
};

/** event-ruler reads "$or" as OR only when it holds 2+ objects none of which uses an operator name as a field. */
const isOrList = (value: unknown): value is Record<string, unknown>[] =>
  Array.isArray(value) &&
  value.length >= 2 &&
  value.every(
    (item) => isPlainObject(item) && !Object.keys(item).some((key) => OPERATORS.includes(key as Operator)),
  );

const compileObject = (pattern: Record<string, unknown>, path: string[]): CompiledNode => {
  const node: CompiledNode = { fields: [], or: [] };
  const entries = Object.entries(pattern);
  if (entries.length === 0)
    fail('an event pattern (and each object in it) must name at least one field', path);
  for (const [name, value] of entries) {
    const at = [...path, name];
    if (name === '$or' && isOrList(value)) {
      node.or.push(value.map((branch, index) => compileObject(branch, [...at, String(index)])));
    } else if (Array.isArray(value)) {
      node.fields.push({ name, node: compileValues(value, at) });
    } else if (isPlainObject(value)) {
      node.fields.push({ name, node: compileObject(value, at) });
    } else {
      fail(`match value must be an array or an object, got ${JSON.stringify(value)}`, at);
    }
  }
  return node;
};

const compiled = new WeakMap<object, CompiledNode>();

const compile = (pattern: unknown): CompiledNode => {
  if (!isPlainObject(pattern)) return fail('an event pattern must be a JSON object', []);
  const cached = compiled.get(pattern);
  if (cached) return cached;
  const node = compileObject(pattern, []);
  compiled.set(pattern, node);
  return node;
};

/** Throws InvalidEventPatternError, naming the field, for a pattern PutRule would reject. */
export const assertValidEventPattern: (pattern: unknown) => asserts pattern is EventPattern = (pattern) => {
  compile(pattern);
};

// ---------------------------------------------------------------------------------------------
// Matching

/** The leaves at a field: arrays are flattened, objects are not leaves (exists is leaf-only). */
const leavesOf = (value: unknown, into: Leaf[] = []): Leaf[] => {
  if (isLeaf(value)) into.push(value);
  else if (Array.isArray(value)) for (const item of value) leavesOf(item, into);
  return into;
};

/** The objects at a field: an object, or every object in an (arbitrarily nested) array. */
const objectsOf = (value: unknown, into: Record<string, unknown>[] = []): Record<string, unknown>[] => {
  if (isPlainObject(value)) into.push(value);
  else if (Array.isArray(value)) for (const item of value) objectsOf(item, into);
  return into;
};

const matchesValues = (matchers: Matcher[], value: unknown): boolean => {
  const leaves = leavesOf(value);
  return matchers.some((matcher) =>
    matcher.kind === 'exists' ? leaves.length > 0 === matcher.exists : leaves.some(matcher.test),
  );
};

const matchesNode = (node: CompiledNode, event: Record<string, unknown> | undefined): boolean =>
  node.fields.every(({ name, node: child }) => {
    const value = event?.[name];
    if (Array.isArray(child)) return matchesValues(child, value);
    const objects = objectsOf(value);
    // No object here: the nested pattern can still match through `exists: false` leaves.
    if (objects.length === 0) return matchesNode(child, undefined);
    return objects.some((object) => matchesNode(child, object));
  }) && node.or.every((branches) => branches.some((branch) => matchesNode(branch, event)));

/** Whether an event (as EventBridge delivers it) matches an event pattern. Throws on an invalid pattern. */
export const matchesPattern = (pattern: unknown, event: unknown): boolean =>
  matchesNode(compile(pattern), isPlainObject(event) ? event : undefined);

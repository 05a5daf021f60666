import type {
  BucketDefinition,
  CorsSettings,
  DomainFunctions,
  TopicDefinition,
} from './app-definition-types.js';

/** The standard idiom (type-fest exports the same); one type is not worth a dependency. */
type UnionToIntersection<U> = (U extends unknown ? (value: U) => void : never) extends (
  value: infer I,
) => void
  ? I
  : never;

/** The functions of all domains as one record, keeping each function's literal type. */
export type FunctionsOf<Domains extends Record<string, DomainFunctions>> = UnionToIntersection<
  Domains[keyof Domains]
>;

export interface AppInput<Domains extends Record<string, DomainFunctions>> {
  service: string;
  cors: CorsSettings;
  domains: Domains;
  topics: Readonly<Record<string, TopicDefinition>>;
  buckets: Readonly<Record<string, BucketDefinition>>;
}

/** Readers of one DynamoDB stream shard before reads are throttled. */
export const MAX_STREAM_READERS = 2;

/**
 * Builds the app definition from its domains: the flat `functions` record is derived here, once,
 * and a mistake fails fast: a function name used by two domains (a spread would silently keep
 * the last), a binding to a topic nobody declares, two functions serving `$default`, a third reader of the table stream.
 */
export const defineApp = <const Domains extends Record<string, DomainFunctions>>(
  input: AppInput<Domains>,
): AppInput<Domains> & { functions: FunctionsOf<Domains> } => {
  const functions: Record<string, DomainFunctions[string]> = {};
  const domainOf = new Map<string, string>();
  for (const [domain, domainFunctions] of Object.entries(input.domains)) {
    if (!/^[a-z][a-z0-9-]*$/.test(domain)) throw new Error(`Domain name "${domain}" must be kebab-case`);
    for (const [name, fn] of Object.entries(domainFunctions)) {
      const other = domainOf.get(name);
      if (other) throw new Error(`Function ${name} is declared by both ${other} and ${domain}`);
      domainOf.set(name, domain);
      functions[name] = fn;
      for (const binding of fn.bindings) {
        if ('topic' in binding && !Object.hasOwn(input.topics, binding.topic))
          throw new Error(
            `Function ${name} binds topic ${binding.topic}, which the app definition does not declare`,
          );
        if ('bucket' in binding && !Object.hasOwn(input.buckets, binding.bucket))
          throw new Error(
            `Function ${name} binds bucket ${binding.bucket}, which the app definition does not declare`,
          );
        if ('bucket' in binding && !/^[a-z0-9][a-z0-9=_-]*(\/[a-z0-9=_-]+)*\/$/.test(binding.prefix))
          throw new Error(`Function ${name} binds bucket prefix "${binding.prefix}", which must end in /`);
      }
      for (const trigger of fn.triggers) {
        if (trigger.kind !== 'objectCreated') continue;
        const bucket = input.buckets[trigger.bucket];
        if (!bucket?.eventBridge)
          throw new Error(
            `Function ${name} is triggered by objects created in ${trigger.bucket}, which is not a bucket of the app definition sending its events to EventBridge`,
          );
      }
      const kinds = fn.bindings.map((binding) => Object.keys(binding)[0]);
      const repeatable = new Set(['topic', 'bucket']);
      const repeated = kinds.find(
        (kind, index) => !repeatable.has(kind ?? '') && kinds.indexOf(kind) !== index,
      );
      if (repeated) throw new Error(`Function ${name} binds ${repeated} twice`);
    }
  }
  // A DynamoDB stream shard serves two concurrent readers well and throttles a third: later
  // consumers of changes ride on one of the two (or on the bus) instead.
  const streamReaders = Object.entries(functions).filter(([, fn]) =>
    fn.triggers.some((trigger) => trigger.kind === 'stream'),
  );
  if (streamReaders.length > MAX_STREAM_READERS)
    throw new Error(
      `At most ${MAX_STREAM_READERS} functions may read the table stream, not ${streamReaders.map(([name]) => name).join(', ')}: subscribe to the bus instead`,
    );
  const catchAlls = Object.entries(functions).filter(([, fn]) =>
    fn.triggers.some((trigger) => trigger.kind === 'http' && 'catchAll' in trigger),
  );
  if (catchAlls.length > 1)
    throw new Error(
      `Only one function may serve $default, not ${catchAlls.map(([name]) => name).join(' and ')}`,
    );
  return { ...input, functions: functions as FunctionsOf<Domains> };
};

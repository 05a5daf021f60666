import type {
  Binding,
  BucketBinding,
  FunctionDefinition,
  TableAccess,
  TopicBinding,
} from './app-definition-types.js';

/** The function's table access, from its `{ table }` binding. */
export const tableAccessOf = (fn: Pick<FunctionDefinition, 'bindings'>): TableAccess => {
  const binding = fn.bindings.find(
    (candidate): candidate is Extract<Binding, { table: unknown }> => 'table' in candidate,
  );
  return binding?.table ?? 'none';
};

/** The key prefix of an `append` table binding (undefined for any other table access). */
export const appendPrefixOf = (fn: Pick<FunctionDefinition, 'bindings'>): string | undefined => {
  for (const binding of fn.bindings)
    if ('table' in binding && binding.table === 'append') return binding.leadingKeyPrefix;
  return undefined;
};

/** Whether the function reads the table (Query, GetItem), which `append` does not. */
export const readsTable = (fn: Pick<FunctionDefinition, 'bindings'>): boolean => {
  const access = tableAccessOf(fn);
  return access === 'read' || access === 'read-write';
};

export const putsEvents = (fn: Pick<FunctionDefinition, 'bindings'>): boolean =>
  fn.bindings.some((binding) => 'eventBus' in binding);

export const topicsPublishedBy = (fn: Pick<FunctionDefinition, 'bindings'>): string[] =>
  fn.bindings
    .filter((binding): binding is TopicBinding => 'topic' in binding)
    .map((binding) => binding.topic);

export const sendsToDeadLetterQueue = (fn: Pick<FunctionDefinition, 'bindings'>): boolean =>
  fn.bindings.some((binding) => 'deadLetterQueue' in binding);

export const bucketBindingsOf = (fn: Pick<FunctionDefinition, 'bindings'>): BucketBinding[] =>
  fn.bindings.filter((binding): binding is BucketBinding => 'bucket' in binding);

/** The buckets a function uses, each once, whatever prefixes it binds. */
export const bucketsUsedBy = (fn: Pick<FunctionDefinition, 'bindings'>): string[] => [
  ...new Set(bucketBindingsOf(fn).map((binding) => binding.bucket)),
];

export const managesUserPool = (fn: Pick<FunctionDefinition, 'bindings'>): boolean =>
  fn.bindings.some((binding) => 'userPool' in binding);

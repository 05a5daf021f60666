import type { CorsSettings, DomainFunctions } from './app-definition-types.js';

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
}

/**
 * Builds the app definition from its domains: the flat `functions` record is derived here, once,
 * and a function name used by two domains fails fast (a spread would silently keep the last).
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
    }
  }
  return { ...input, functions: functions as FunctionsOf<Domains> };
};

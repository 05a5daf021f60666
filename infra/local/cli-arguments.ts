/**
 * The command line of the local CLIs (import, export, query): node's parseArgs with positionals,
 * `--help` printing the usage, and a `fail` that explains on stderr and exits with a code.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Prints `<command>: <message>` on stderr and exits (2: the arguments or input could not be used). */
export const cliFailure =
  (command: string) =>
  (message: string, code = 2): never => {
    process.stderr.write(`${command}: ${message}\n`);
    process.exit(code);
  };

/** Parses the arguments (strict, with positionals); a mistake prints it with the usage and exits 2. */
export const parseCliArguments = <O extends Options>(command: string, usage: string, options: O) => {
  const fail = cliFailure(command);
  const parsed = (() => {
    try {
      return parseArgs({
        options: { ...options, help: { type: 'boolean', short: 'h' } } as O & {
          help: { type: 'boolean'; short: 'h' };
        },
        allowPositionals: true,
        strict: true,
      });
    } catch (error) {
      return fail(`${(error as Error).message}\n\n${usage}`);
    }
  })();
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  return { ...parsed, fail };
};

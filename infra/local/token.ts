/**
 * `npm run --silent token -- --role manager --stores st_syd_cbd,st_parramatta`
 * Prints exactly one bearer token (the JWT, one line) for the local gateway, signed with the
 * same key pair `npm start` verifies with. Anything else goes to stderr.
 */
import { parseArgs } from 'node:util';
import { isRole, ROLES } from '../../lib/auth/roles.js';
import { ResourceId } from '../../lib/http/common-schemas.js';
import { durationSeconds, signDevToken } from './dev-keys.js';

const USAGE = `Usage: npm run --silent token -- --role <${ROLES.join('|')}> [--stores <id,id>] [options]

Prints one bearer token for the local API (npm start) on stdout.

  --role <role>        admin and finance need no stores (admin tokens carry none)
  --stores <ids>       comma-separated store ids: manager needs at least one, staff exactly one
  --username <name>    cognito:username, written to updatedBy (default dev-<role>)
  --expires-in <time>  seconds, or 90s, 30m, 12h, 7d (default 12h)
  --help               this text`;

class UsageError extends Error {}

const parse = (args: string[]) => {
  try {
    return parseArgs({
      args,
      options: {
        role: { type: 'string' },
        stores: { type: 'string' },
        username: { type: 'string' },
        'expires-in': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
};

const tokenOptions = (values: ReturnType<typeof parse>) => {
  const { role } = values;
  if (!role) throw new UsageError('--role is required.');
  if (!isRole(role)) throw new UsageError(`Unknown role "${role}".`);
  const stores = (values.stores ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  const invalid = stores.find((id) => !ResourceId.safeParse(id).success);
  if (invalid !== undefined) throw new UsageError(`"${invalid}" is not a store id.`);
  if (role === 'admin' && stores.length > 0)
    throw new UsageError('admin tokens carry no stores; drop --stores.');
  if (role === 'manager' && stores.length === 0)
    throw new UsageError('manager needs --stores with at least one store id.');
  if (role === 'staff' && stores.length !== 1)
    throw new UsageError('staff needs --stores with exactly one store id.');
  let expiresIn: number | undefined;
  if (values['expires-in'] !== undefined) {
    try {
      expiresIn = durationSeconds(values['expires-in']);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    if (expiresIn <= 0) throw new UsageError('--expires-in must be positive.');
  }
  return {
    role,
    stores,
    ...(values.username ? { username: values.username } : {}),
    ...(expiresIn ? { expiresIn } : {}),
  };
};

try {
  const values = parse(process.argv.slice(2));
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
  } else {
    process.stdout.write(`${await signDevToken(tokenOptions(values))}\n`);
  }
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`token: ${error.message}\n\n${USAGE}\n`);
  process.exitCode = 2;
}

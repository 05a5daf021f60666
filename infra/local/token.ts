/**
 * `npm run --silent token -- --role manager --stores st_syd_cbd,st_parramatta`
 * `npm run --silent token -- --user ann.lee` (a user created with POST /users)
 * Prints exactly one bearer token (the JWT, one line) for the local gateway, signed with the
 * same key pair `npm start` verifies with. Anything else goes to stderr.
 */
import { parseArgs } from 'node:util';
import { isRole, ROLES } from '../../lib/auth/roles.js';
import { ResourceId } from '../../lib/http/common-schemas.js';
import { readLocalUser } from '../../lib/users/local-user-directory.js';
import { Username } from '../../lib/users/user-schemas.js';
import { durationSeconds, signDevToken } from './dev-keys.js';
import { DEFAULT_USERS_DIR } from './repo-paths.js';
import { readRuntimeRecord } from './runtime-file.js';

const USAGE = `Usage: npm run --silent token -- --role <${ROLES.join('|')}> [--stores <id,id>] [options]
       npm run --silent token -- --user <username> [--users-dir <dir>] [--expires-in <time>]

Prints one bearer token for the local API (npm start) on stdout.

  --user <username>    a user of the local user directory (created with POST /users): their
                       role and stores; refused when the user is disabled
  --users-dir <dir>    the local user directory (default: the running npm start's, else .data/users)
  --role <role>        admin and finance need no stores (admin tokens carry none)
  --stores <ids>       comma-separated store ids: manager needs at least one, staff exactly one
  --username <name>    cognito:username, written to updatedBy (default dev-<role>)
  --expires-in <time>  seconds, or 90s, 30m, 12h, 7d (default 12h)
  --help               this text`;

class UsageError extends Error {}
/** A well-formed request the directory refuses (no such user, disabled): exit 1, no usage text. */
class RefusedError extends Error {}

const parse = (args: string[]) => {
  try {
    return parseArgs({
      args,
      options: {
        user: { type: 'string' },
        'users-dir': { type: 'string' },
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

const expiresInOf = (values: ReturnType<typeof parse>): number | undefined => {
  if (values['expires-in'] === undefined) return undefined;
  let expiresIn: number;
  try {
    expiresIn = durationSeconds(values['expires-in']);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (expiresIn <= 0) throw new UsageError('--expires-in must be positive.');
  return expiresIn;
};

/** The user as the local directory holds them: what Cognito would put in their ID token. */
const userTokenOptions = async (values: ReturnType<typeof parse>, user: string) => {
  if (values.role || values.stores || values.username)
    throw new UsageError(
      '--user takes the role, stores and username from the user; drop --role, --stores and --username.',
    );
  const parsed = Username.safeParse(user);
  if (!parsed.success) throw new UsageError(`"${user}" is not a username.`);
  const dir = values['users-dir'] ?? readRuntimeRecord()?.usersDir ?? DEFAULT_USERS_DIR;
  const found = await readLocalUser(dir, parsed.data);
  if (!found) throw new RefusedError(`No user ${parsed.data} in ${dir}: create them with POST /users first.`);
  if (!found.enabled) throw new RefusedError(`${parsed.data} is disabled: no token.`);
  const expiresIn = expiresInOf(values);
  return {
    role: found.role,
    stores: found.storeIds,
    username: found.username,
    ...(expiresIn ? { expiresIn } : {}),
  };
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
  const expiresIn = expiresInOf(values);
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
    const options =
      values.user !== undefined ? await userTokenOptions(values, values.user) : tokenOptions(values);
    process.stdout.write(`${await signDevToken(options)}\n`);
  }
} catch (error) {
  if (error instanceof RefusedError) {
    process.stderr.write(`token: ${error.message}\n`);
    process.exitCode = 1;
  } else {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`token: ${error.message}\n\n${USAGE}\n`);
    process.exitCode = 2;
  }
}

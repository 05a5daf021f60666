/**
 * `GET /dashboard/dev-token?user=<role>[&stores=a,b]` on the local runtime only: a token signed
 * with the runtime's dev keys, so `/dashboard/?user=finance` opens the dashboard signed in. Never
 * deployed: in AWS the page has no dev-token URL in its config and users bring a Cognito token.
 * The rules match `npm run token` (manager: one store or more, staff: exactly one, admin: none).
 */

import { ROLES } from '../../lib/auth/roles.js';
import { ResourceId } from '../../lib/http/common-schemas.js';
import { parseOrThrow } from '../../lib/http/validation.js';
import * as z from '../../lib/zod.js';
import type { DevTokenOptions } from './dev-keys.js';

const StoreList = z.pipe(
  z.pipe(
    z.string().check(z.maxLength(2000)),
    z.transform((text) =>
      text
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ),
  z.array(ResourceId).check(z.maxLength(50)),
);

export const DevTokenQuery = z.strictObject({ user: z.enum(ROLES), stores: z.optional(StoreList) }).check(
  z.superRefine(({ user, stores = [] }, ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: 'custom', path: ['stores'], message });
    if (user === 'admin' && stores.length > 0) issue('admin tokens carry no stores; drop stores.');
    if (user === 'manager' && stores.length === 0) issue('A manager needs at least one store id.');
    if (user === 'staff' && stores.length !== 1) issue('Staff need exactly one store id.');
  }),
);

/** The token options a query asks for; a ValidationError naming the field otherwise. */
export const devTokenRequest = (query: URLSearchParams): Omit<DevTokenOptions, 'keys' | 'keysDir'> => {
  const { user, stores = [] } = parseOrThrow(DevTokenQuery, Object.fromEntries(query), 'query');
  return { role: user, stores, username: `dashboard-${user}`, expiresIn: '12h' };
};

import * as z from 'zod';
import { ROLES } from '../auth/roles.js';
import {
  ItemMetaSchema,
  nonEmptyPatch,
  PaginationQuery,
  pageOf,
  ResourceId,
  singleLineText,
} from '../http/common-schemas.js';

/**
 * A sign-in name: lower-case letters, digits, `.`, `_`, `-`, 3–64, starting with a letter. Not an
 * email (the pool signs in by email alias, and Cognito refuses usernames in email format), and
 * lower-cased here because the pool is case-insensitive: `Ann` and `ann` are one user. Safe as a
 * key part and as a file name (the local directory).
 */
export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z][a-z0-9._-]{2,63}$/,
    'Use 3–64 letters, digits, dots, dashes or underscores, starting with a letter.',
  )
  .meta({ example: 'ann.lee' });

export const RoleSchema = z.enum(ROLES).meta({
  description:
    'admin: everything; manager: their stores; staff: one store; finance: reads everything. The Cognito group of the user.',
});

const StoreIds = z
  .array(ResourceId)
  .max(50)
  .refine((ids) => new Set(ids).size === ids.length, 'List each store once.')
  .meta({
    description:
      'The stores the user works in (`custom:stores`): staff exactly one, managers at least one, admin and finance none (they see every store).',
  });

const names = {
  givenName: singleLineText({ max: 100 }),
  familyName: singleLineText({ max: 100 }),
};

export const CreateUserBody = z
  .strictObject({
    username: Username,
    email: z
      .email()
      .max(254)
      .toLowerCase()
      .meta({ description: 'Where the pool sends the temporary password.' }),
    role: RoleSchema,
    storeIds: StoreIds.default([]),
    givenName: names.givenName.optional(),
    familyName: names.familyName.optional(),
  })
  .meta({ id: 'CreateUser' });
export type CreateUserInput = z.output<typeof CreateUserBody>;

export const UpdateUserBody = nonEmptyPatch(
  z.strictObject({
    role: RoleSchema.optional(),
    storeIds: StoreIds.optional().meta({
      description: 'Replaces the list. Left out when the role becomes admin or finance: cleared.',
    }),
    enabled: z
      .boolean()
      .optional()
      .meta({ description: '`false` disables the user and revokes their sessions.' }),
  }),
).meta({ id: 'UpdateUser' });
export type UpdateUserInput = z.output<typeof UpdateUserBody>;

export const UserSchema = z
  .object({
    username: Username,
    email: z.string(),
    role: RoleSchema,
    storeIds: z.array(ResourceId),
    givenName: z.string().optional(),
    familyName: z.string().optional(),
    enabled: z.boolean(),
    sessionsRevokedAt: z.iso.datetime().optional().meta({
      description: 'Tokens issued before this moment are refused (set when the user is disabled).',
    }),
    ...ItemMetaSchema,
  })
  .meta({ id: 'User' });
export type User = z.output<typeof UserSchema>;

export const UserPage = pageOf(UserSchema, 'UserPage');
export const UserParams = z.strictObject({ username: Username });
export const ListUsersQuery = z
  .strictObject({
    storeId: ResourceId.optional().meta({ description: 'Only the staff of this store.' }),
    ...PaginationQuery,
  })
  .meta({ id: 'ListUsersQuery' });
export type ListUsersQuery = z.output<typeof ListUsersQuery>;

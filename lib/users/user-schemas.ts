import { ROLES } from '../auth/roles.js';
import {
  ItemMetaSchema,
  nonEmptyPatch,
  PaginationQuery,
  pageOf,
  ResourceId,
  singleLineText,
} from '../http/common-schemas.js';
import * as z from '../zod.js';

/**
 * A sign-in name: lower-case letters, digits, `.`, `_`, `-`, 3–64, starting with a letter. Not an
 * email (the pool signs in by email alias, and Cognito refuses usernames in email format), and
 * lower-cased here because the pool is case-insensitive: `Ann` and `ann` are one user. Safe as a
 * key part and as a file name (the local directory).
 */
export const Username = /* @__PURE__ */ (() =>
  z
    .string()
    .check(
      z.trim(),
      z.toLowerCase(),
      z.regex(
        /^[a-z][a-z0-9._-]{2,63}$/,
        'Use 3–64 letters, digits, dots, dashes or underscores, starting with a letter.',
      ),
    )
    .clone()
    .register(z.globalRegistry, { example: 'ann.lee' }))();

export const RoleSchema = /* @__PURE__ */ (() =>
  z.enum(ROLES).clone().register(z.globalRegistry, {
    description:
      'admin: everything; manager: their stores; staff: one store; finance: reads everything. The Cognito group of the user.',
  }))();

const StoreIds = /* @__PURE__ */ (() =>
  z
    .array(ResourceId)
    .check(
      z.maxLength(50),
      z.refine((ids) => new Set(ids).size === ids.length, 'List each store once.'),
    )
    .clone()
    .register(z.globalRegistry, {
      description:
        'The stores the user works in (`custom:stores`): staff exactly one, managers at least one, admin and finance none (they see every store).',
    }))();

const names = /* @__PURE__ */ (() => ({
  givenName: singleLineText({ max: 100 }),
  familyName: singleLineText({ max: 100 }),
}))();

export const CreateUserBody = /* @__PURE__ */ (() =>
  z
    .strictObject({
      username: Username,
      email: z
        .email()
        .check(z.maxLength(254), z.toLowerCase())
        .clone()
        .register(z.globalRegistry, { description: 'Where the pool sends the temporary password.' }),
      role: RoleSchema,
      storeIds: z._default(StoreIds, []),
      givenName: z.optional(names.givenName),
      familyName: z.optional(names.familyName),
    })
    .clone()
    .register(z.globalRegistry, { id: 'CreateUser' }))();
export type CreateUserInput = z.output<typeof CreateUserBody>;

export const UpdateUserBody = /* @__PURE__ */ (() =>
  nonEmptyPatch(
    z.strictObject({
      role: z.optional(RoleSchema),
      storeIds: z.optional(StoreIds).clone().register(z.globalRegistry, {
        description: 'Replaces the list. Left out when the role becomes admin or finance: cleared.',
      }),
      enabled: z
        .optional(z.boolean())
        .clone()
        .register(z.globalRegistry, { description: '`false` disables the user and revokes their sessions.' }),
    }),
  )
    .clone()
    .register(z.globalRegistry, { id: 'UpdateUser' }))();
export type UpdateUserInput = z.output<typeof UpdateUserBody>;

export const UserSchema = /* @__PURE__ */ (() =>
  z
    .object({
      username: Username,
      email: z.string(),
      role: RoleSchema,
      storeIds: z.array(ResourceId),
      givenName: z.optional(z.string()),
      familyName: z.optional(z.string()),
      enabled: z.boolean(),
      sessionsRevokedAt: z.optional(z.iso.datetime()).clone().register(z.globalRegistry, {
        description: 'Tokens issued before this moment are refused (set when the user is disabled).',
      }),
      ...ItemMetaSchema,
    })
    .clone()
    .register(z.globalRegistry, { id: 'User' }))();
export type User = z.output<typeof UserSchema>;

export const UserPage = /* @__PURE__ */ (() => pageOf(UserSchema, 'UserPage'))();
export const UserParams = /* @__PURE__ */ (() => z.strictObject({ username: Username }))();
export const ListUsersQuery = /* @__PURE__ */ (() =>
  z
    .strictObject({
      storeId: z
        .optional(ResourceId)
        .clone()
        .register(z.globalRegistry, { description: 'Only the staff of this store.' }),
      ...PaginationQuery,
    })
    .clone()
    .register(z.globalRegistry, { id: 'ListUsersQuery' }))();
export type ListUsersQuery = z.output<typeof ListUsersQuery>;

import { defineRoute, documentRoute } from '../http/route.js';
import {
  CreateUserBody,
  ListUsersQuery,
  UpdateUserBody,
  UserPage,
  UserParams,
  UserSchema,
} from './user-schemas.js';

const tag = 'Users';

export const createUserRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'createUser',
    method: 'POST',
    path: '/users',
    summary: 'Create a user who signs in (admin: any role; manager: staff of their stores)',
    tag,
    access: 'users:manage',
    body: CreateUserBody,
  }))();

export const createUserDocs = /* @__PURE__ */ (() =>
  documentRoute(createUserRoute, {
    responses: {
      201: {
        description: 'The new user, enabled; the user pool emails them a temporary password.',
        schema: UserSchema,
        headers: ['etag', 'location'],
      },
    },
    errors: [
      { status: 403, when: 'A manager asked for another role than staff, or a store they do not manage.' },
      { status: 409, when: 'The username, or the email, is taken.' },
    ],
  }))();

export const listUsersRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'listUsers',
    method: 'GET',
    path: '/users',
    summary: 'List users, newest first (admin: everyone; manager: the staff of their stores)',
    tag,
    access: 'users:manage',
    query: ListUsersQuery,
  }))();

export const listUsersDocs = /* @__PURE__ */ (() =>
  documentRoute(listUsersRoute, {
    responses: { 200: { description: 'A page of users.', schema: UserPage } },
    errors: [{ status: 404, when: '`storeId` is not a store of the caller.' }],
  }))();

export const getUserRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'getUser',
    method: 'GET',
    path: '/users/{username}',
    summary: 'Get one user',
    tag,
    access: 'users:manage',
    params: UserParams,
  }))();

export const getUserDocs = /* @__PURE__ */ (() =>
  documentRoute(getUserRoute, {
    responses: { 200: { description: 'The user.', schema: UserSchema, headers: ['etag'] } },
    errors: [{ status: 404, when: 'No such user, or one the caller does not manage.' }],
  }))();

export const updateUserRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'updateUser',
    method: 'PATCH',
    path: '/users/{username}',
    summary: 'Change a user’s role, stores or access',
    tag,
    access: 'users:manage',
    params: UserParams,
    body: UpdateUserBody,
    requiresIfMatch: true,
  }))();

export const updateUserDocs = /* @__PURE__ */ (() =>
  documentRoute(updateUserRoute, {
    responses: { 200: { description: 'The changed user.', schema: UserSchema, headers: ['etag'] } },
    errors: [
      { status: 403, when: 'Your own account, or a role or store the caller may not give.' },
      { status: 404, when: 'No such user, or one the caller does not manage.' },
    ],
  }))();

export const disableUserRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'disableUser',
    method: 'POST',
    path: '/users/{username}/disable',
    summary: 'Disable a user and end their sessions (tokens already issued are refused)',
    tag,
    access: 'users:manage',
    params: UserParams,
  }))();

export const disableUserDocs = /* @__PURE__ */ (() =>
  documentRoute(disableUserRoute, {
    responses: { 200: { description: 'The disabled user.', schema: UserSchema, headers: ['etag'] } },
    errors: [
      { status: 403, when: 'Your own account.' },
      { status: 404, when: 'No such user, or one the caller does not manage.' },
    ],
  }))();

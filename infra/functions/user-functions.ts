import {
  createUserRoute,
  disableUserRoute,
  getUserRoute,
  listUsersRoute,
  updateUserRoute,
} from '../../lib/users/user-routes.js';
import type { FunctionDefinition } from '../app-definition-types.js';

/** Reads need only the table's mirror; changes also administer the user pool. */
export const userFunctions = {
  createUser: {
    entry: 'functions/users/create-user.ts',
    description: 'Create a user in the user pool and its mirror',
    bindings: [{ table: 'read-write' }, { userPool: 'manage' }],
    triggers: [{ kind: 'http', route: createUserRoute }],
  },
  listUsers: {
    entry: 'functions/users/list-users.ts',
    description: 'List users (a manager: the staff of their stores)',
    bindings: [{ table: 'read' }],
    triggers: [{ kind: 'http', route: listUsersRoute }],
  },
  getUser: {
    entry: 'functions/users/get-user.ts',
    description: 'Get a user',
    bindings: [{ table: 'read' }],
    triggers: [{ kind: 'http', route: getUserRoute }],
  },
  updateUser: {
    entry: 'functions/users/update-user.ts',
    description: 'Change a user’s role, stores or access',
    bindings: [{ table: 'read-write' }, { userPool: 'manage' }],
    triggers: [{ kind: 'http', route: updateUserRoute }],
  },
  disableUser: {
    entry: 'functions/users/disable-user.ts',
    description: 'Disable a user and end their sessions',
    bindings: [{ table: 'read-write' }, { userPool: 'manage' }],
    triggers: [{ kind: 'http', route: disableUserRoute }],
  },
} as const satisfies Record<string, FunctionDefinition>;

/**
 * The user pool through Cognito's admin APIs: groups are the roles (one storefleet group per
 * user), `custom:stores` the stores, AdminDisableUser/AdminEnableUser the access, and
 * AdminUserGlobalSignOut ends every session. Granted only on this pool ({ userPool: 'manage' }).
 */
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserAttributesCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { STORES_CLAIM } from '../auth/principal.js';
import { isRole } from '../auth/roles.js';
import { type DirectoryUser, emailTaken, type UserDirectory, usernameTaken } from './user-directory.js';

let client: CognitoIdentityProviderClient | undefined;

/** One client per container, created on first use (no import-time side effects). */
const cognito = (): CognitoIdentityProviderClient => {
  client ??= new CognitoIdentityProviderClient({ maxAttempts: 4 });
  return client;
};

const storesValue = (storeIds: readonly string[]): string => storeIds.join(',');

const isNamed = (error: unknown, name: string): boolean => error instanceof Error && error.name === name;

export const cognitoUserDirectory = (userPoolId: string): UserDirectory => {
  const syncGroups = async (user: DirectoryUser) => {
    const { Groups = [] } = await cognito().send(
      new AdminListGroupsForUserCommand({ UserPoolId: userPoolId, Username: user.username }),
    );
    const current = Groups.map((group) => group.GroupName ?? '').filter(isRole);
    if (!current.includes(user.role))
      await cognito().send(
        new AdminAddUserToGroupCommand({
          UserPoolId: userPoolId,
          Username: user.username,
          GroupName: user.role,
        }),
      );
    // Added before removed: the user is never without a role in between.
    for (const stale of current.filter((role) => role !== user.role))
      await cognito().send(
        new AdminRemoveUserFromGroupCommand({
          UserPoolId: userPoolId,
          Username: user.username,
          GroupName: stale,
        }),
      );
  };

  const syncStores = async (user: DirectoryUser) => {
    if (user.storeIds.length > 0) {
      await cognito().send(
        new AdminUpdateUserAttributesCommand({
          UserPoolId: userPoolId,
          Username: user.username,
          UserAttributes: [{ Name: STORES_CLAIM, Value: storesValue(user.storeIds) }],
        }),
      );
    } else {
      await cognito().send(
        new AdminDeleteUserAttributesCommand({
          UserPoolId: userPoolId,
          Username: user.username,
          UserAttributeNames: [STORES_CLAIM],
        }),
      );
    }
  };

  return {
    async create(user) {
      try {
        await cognito().send(
          new AdminCreateUserCommand({
            UserPoolId: userPoolId,
            Username: user.username,
            DesiredDeliveryMediums: ['EMAIL'],
            UserAttributes: [
              { Name: 'email', Value: user.email },
              { Name: 'email_verified', Value: 'true' },
              ...(user.givenName ? [{ Name: 'given_name', Value: user.givenName }] : []),
              ...(user.familyName ? [{ Name: 'family_name', Value: user.familyName }] : []),
              ...(user.storeIds.length > 0
                ? [{ Name: STORES_CLAIM, Value: storesValue(user.storeIds) }]
                : []),
            ],
          }),
        );
      } catch (error) {
        if (isNamed(error, 'UsernameExistsException')) throw usernameTaken(user.username);
        if (isNamed(error, 'AliasExistsException')) throw emailTaken(user.email);
        throw error;
      }
      try {
        await syncGroups(user);
        if (!user.enabled)
          await cognito().send(
            new AdminDisableUserCommand({ UserPoolId: userPoolId, Username: user.username }),
          );
      } catch (error) {
        // A user without their group would block the name for good (the retry meets UsernameExists).
        try {
          await cognito().send(
            new AdminDeleteUserCommand({ UserPoolId: userPoolId, Username: user.username }),
          );
        } catch {
          // The first error is the one to answer; this one only leaves the name blocked.
        }
        throw error;
      }
    },

    async sync(user) {
      await syncGroups(user);
      await syncStores(user);
      await cognito().send(
        user.enabled
          ? new AdminEnableUserCommand({ UserPoolId: userPoolId, Username: user.username })
          : new AdminDisableUserCommand({ UserPoolId: userPoolId, Username: user.username }),
      );
    },

    async revokeSessions(username) {
      await cognito().send(new AdminUserGlobalSignOutCommand({ UserPoolId: userPoolId, Username: username }));
    },

    async remove(username) {
      try {
        await cognito().send(new AdminDeleteUserCommand({ UserPoolId: userPoolId, Username: username }));
      } catch (error) {
        if (!isNamed(error, 'UserNotFoundException')) throw error;
      }
    },
  };
};

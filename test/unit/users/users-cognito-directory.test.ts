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
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../../../lib/errors.js';
import { cognitoUserDirectory } from '../../../lib/users/cognito-user-directory.js';
import type { DirectoryUser } from '../../../lib/users/user-directory.js';

const cognito = mockClient(CognitoIdentityProviderClient);
const POOL = 'ap-southeast-2_pool';
const directory = cognitoUserDirectory(POOL);
const ann: DirectoryUser = {
  username: 'ann',
  email: 'ann@example.com',
  givenName: 'Ann',
  role: 'staff',
  storeIds: ['st_a'],
  enabled: true,
};

beforeEach(() => {
  cognito.reset();
  cognito.on(AdminListGroupsForUserCommand).resolves({ Groups: [] });
});

describe('the Cognito user directory', () => {
  it('creates the user with email, names and custom:stores, then puts them in their role group', async () => {
    await directory.create(ann);
    const [create] = cognito.commandCalls(AdminCreateUserCommand);
    expect(create?.args[0].input).toMatchObject({
      UserPoolId: POOL,
      Username: 'ann',
      DesiredDeliveryMediums: ['EMAIL'],
      UserAttributes: expect.arrayContaining([
        { Name: 'email', Value: 'ann@example.com' },
        { Name: 'given_name', Value: 'Ann' },
        { Name: 'custom:stores', Value: 'st_a' },
      ]),
    });
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)[0]?.args[0].input).toEqual({
      UserPoolId: POOL,
      Username: 'ann',
      GroupName: 'staff',
    });
  });

  it('answers 409 naming the username when the pool has it already', async () => {
    cognito
      .on(AdminCreateUserCommand)
      .rejects(new UsernameExistsException({ message: 'exists', $metadata: {} }));
    const error = await directory.create(ann).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).errors?.[0]?.path).toBe('body.username');
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)).toHaveLength(0);
  });

  it('deletes a just-created user whose group could not be set, so a retry can create them again', async () => {
    cognito.on(AdminAddUserToGroupCommand).rejects(new Error('throttled'));
    await expect(directory.create(ann)).rejects.toThrow('throttled');
    expect(cognito.commandCalls(AdminDeleteUserCommand)[0]?.args[0].input).toEqual({
      UserPoolId: POOL,
      Username: 'ann',
    });
  });

  it('sync moves the user to the new role group (added before the old is removed), sets stores and access', async () => {
    cognito
      .on(AdminListGroupsForUserCommand)
      .resolves({ Groups: [{ GroupName: 'staff' }, { GroupName: 'other' }] });
    await directory.sync({ ...ann, role: 'manager', storeIds: ['st_a', 'st_b'], enabled: false });
    const order = cognito.calls().map((call) => call.args[0].constructor.name);
    expect(order.indexOf('AdminAddUserToGroupCommand')).toBeLessThan(
      order.indexOf('AdminRemoveUserFromGroupCommand'),
    );
    expect(
      cognito.commandCalls(AdminRemoveUserFromGroupCommand).map((call) => call.args[0].input.GroupName),
    ).toEqual(['staff']);
    expect(cognito.commandCalls(AdminUpdateUserAttributesCommand)[0]?.args[0].input.UserAttributes).toEqual([
      { Name: 'custom:stores', Value: 'st_a,st_b' },
    ]);
    expect(cognito.commandCalls(AdminDisableUserCommand)).toHaveLength(1);
    expect(cognito.commandCalls(AdminEnableUserCommand)).toHaveLength(0);
  });

  it('sync of an admin drops custom:stores and enables; revokeSessions signs out globally', async () => {
    await directory.sync({ ...ann, role: 'admin', storeIds: [] });
    expect(
      cognito.commandCalls(AdminDeleteUserAttributesCommand)[0]?.args[0].input.UserAttributeNames,
    ).toEqual(['custom:stores']);
    expect(cognito.commandCalls(AdminEnableUserCommand)).toHaveLength(1);
    await directory.revokeSessions('ann');
    expect(cognito.commandCalls(AdminUserGlobalSignOutCommand)[0]?.args[0].input).toEqual({
      UserPoolId: POOL,
      Username: 'ann',
    });
  });
});

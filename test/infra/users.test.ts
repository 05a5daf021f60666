import { beforeAll, describe, expect, it } from 'vitest';
import { appDefinition } from '../../infra/app-definition.js';
import { managesUserPool } from '../../infra/bindings.js';
import { USER_POOL_ADMIN_ACTIONS } from '../../infra/constructs/app-function.js';
import {
  actionsOf,
  functionSite,
  logicalId,
  parentValueOfParameter,
  type SynthesizedStage,
  statementsOfRole,
  synthStage,
} from './synth.js';

describe('user administration (prod)', () => {
  let synth: SynthesizedStage;
  beforeAll(() => {
    synth = synthStage('prod');
  });

  const cognitoStatements = (name: string) => {
    const site = functionSite(synth, name);
    return {
      site,
      statements: statementsOfRole(site.template, site.roleId).filter((statement) =>
        actionsOf(statement).some((action) => action.startsWith('cognito-idp:')),
      ),
    };
  };

  it('gives the changing functions the admin actions they call, on the stage’s user pool only', () => {
    const poolId = logicalId(synth.api, synth.api.userPool);
    for (const name of ['createUser', 'updateUser', 'disableUser']) {
      const { site, statements } = cognitoStatements(name);
      expect(statements, name).toHaveLength(1);
      const [statement] = statements;
      expect(actionsOf(statement as never).sort(), name).toEqual([...USER_POOL_ADMIN_ACTIONS].sort());
      expect(
        actionsOf(statement as never).some((action) => /\*|ListUsers$|AdminSetUserPassword/.test(action)),
      ).toBe(false);
      // The policy names the pool ARN through a parameter the api stack sets to its own pool.
      const resource = (statement as { Resource: { Ref?: string } }).Resource;
      expect(resource.Ref, name).toBeDefined();
      expect(parentValueOfParameter(synth, site.domain, String(resource.Ref)), name).toEqual({
        'Fn::GetAtt': [poolId, 'Arn'],
      });
      const variables = site.resources[site.functionId].Properties.Environment.Variables;
      expect(variables.USER_POOL_ID, name).toBeDefined();
    }
  });

  it('gives reads of users, and every other function, no access to the user pool', () => {
    for (const name of Object.keys(synth.api.functions)) {
      if (managesUserPool(appDefinition.functions[name as keyof typeof appDefinition.functions])) continue;
      const { site, statements } = cognitoStatements(name);
      expect(statements, name).toEqual([]);
      expect(site.resources[site.functionId].Properties.Environment.Variables, name).not.toHaveProperty(
        'USER_POOL_ID',
      );
    }
    expect(
      Object.keys(synth.api.functions)
        .filter((name) => name.endsWith('User') || name.endsWith('Users'))
        .sort(),
    ).toEqual(['createUser', 'disableUser', 'getUser', 'listUsers', 'updateUser']);
  });
});

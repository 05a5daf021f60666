import { beforeAll, describe, expect, it } from 'vitest';
import {
  actionsOf,
  type CfnJson,
  functionSite,
  type SynthesizedStage,
  statementsOfRole,
  synthStage,
} from './synth.js';

/** The customer-privacy routes as CDK deploys them: behind the JWT authorizer, with the grants they need. */
describe('customer privacy functions', () => {
  let synth: SynthesizedStage;
  beforeAll(() => {
    synth = synthStage('prod');
  });

  const routeOf = (key: string): CfnJson | undefined =>
    Object.values(synth.domainTemplates)
      .flatMap((template) => Object.values(template.findResources('AWS::ApiGatewayV2::Route')) as CfnJson[])
      .find((route) => route.Properties.RouteKey === key);

  const dynamoActions = (name: string) => {
    const site = functionSite(synth, name);
    return statementsOfRole(site.template, site.roleId)
      .flatMap(actionsOf)
      .filter((action) => action.startsWith('dynamodb:'));
  };

  it.each(['DELETE /customers/{customerId}', 'GET /customers/{customerId}/export'])(
    '%s is a JWT-authorized route of the customers stack',
    (key) => {
      const route = routeOf(key);
      expect(route, key).toBeDefined();
      expect(route?.Properties.AuthorizationType).toBe('JWT');
    },
  );

  it('lets the erasure write the table (customer, guards, feedback, points) and the export only read it', () => {
    expect(functionSite(synth, 'eraseCustomer').domain).toBe('customers');
    expect(dynamoActions('eraseCustomer')).toEqual(
      expect.arrayContaining(['dynamodb:Query', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem']),
    );
    const exportActions = dynamoActions('exportCustomer');
    expect(exportActions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
    for (const action of ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'])
      expect(exportActions).not.toContain(action);
  });
});

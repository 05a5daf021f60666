import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { type SynthesizedStage, synthStage } from './synth.js';

/** The tax domain and the receipt route, as deployed: their own functions, routes and grants. */
describe('tax and receipts in the api stack', () => {
  let synth: SynthesizedStage;
  beforeAll(() => {
    synth = synthStage('dev');
  });

  it('deploys the tax rates as a nested stack of their own, routes behind the JWT authorizer', () => {
    const tax = synth.domainTemplates.tax;
    expect(tax).toBeDefined();
    const routeKeys = Object.values(tax?.findResources('AWS::ApiGatewayV2::Route') ?? {}).map(
      (route) => (route as { Properties: { RouteKey: string; AuthorizationType: string } }).Properties,
    );
    expect(routeKeys.map((route) => route.RouteKey).sort()).toEqual([
      'GET /tax-rates',
      'GET /tax-rates/{taxRateId}',
      'HEAD /tax-rates',
      'HEAD /tax-rates/{taxRateId}',
      'POST /tax-rates',
    ]);
    expect(routeKeys.every((route) => route.AuthorizationType === 'JWT')).toBe(true);
  });

  it('lets only createTaxRate write the table', () => {
    const tax = synth.domainTemplates.tax;
    const policies = Object.values(tax?.findResources('AWS::IAM::Policy') ?? {}) as {
      Properties: { PolicyDocument: { Statement: { Action: string | string[] }[] } };
    }[];
    const writers = policies.filter((policy) =>
      policy.Properties.PolicyDocument.Statement.some((statement) =>
        [statement.Action].flat().includes('dynamodb:PutItem'),
      ),
    );
    expect(writers).toHaveLength(1);
  });

  it('serves the receipt from the orders stack', () => {
    synth.domainTemplates.orders?.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'GET /orders/{orderId}/receipt',
      AuthorizationType: 'JWT',
      Target: Match.anyValue(),
    });
  });
});

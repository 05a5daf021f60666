import { beforeAll, describe, expect, it } from 'vitest';
import { httpRoutes } from '../../infra/app-definition.js';
import { type CfnJson, type SynthesizedStage, synthStage } from './synth.js';

/** Every route of every domain stack, by route key, with the properties that decide who and what. */
const routesByKey = (synth: SynthesizedStage): Map<string, CfnJson[]> => {
  const byKey = new Map<string, CfnJson[]>();
  for (const template of Object.values(synth.domainTemplates))
    for (const route of Object.values(template.findResources('AWS::ApiGatewayV2::Route')) as CfnJson[]) {
      const key = route.Properties.RouteKey as string;
      byKey.set(key, [...(byKey.get(key) ?? []), route.Properties]);
    }
  return byKey;
};

describe('HEAD routes', () => {
  let routes: Map<string, CfnJson[]>;
  beforeAll(() => {
    routes = routesByKey(synthStage('prod'));
  });

  const gets = httpRoutes().filter(({ route }) => route.method === 'GET');

  it('derives one HEAD route for each GET route, and none for other methods', () => {
    expect(gets.length).toBeGreaterThan(10);
    const heads = [...routes.keys()].filter((key) => key.startsWith('HEAD '));
    expect(heads.sort()).toEqual(gets.map(({ route }) => `HEAD ${route.path}`).sort());
  });

  it.each(gets.map(({ route }) => [route.path] as const))(
    'HEAD %s goes to the GET route’s function behind the same authorizer',
    (path) => {
      const [get] = routes.get(`GET ${path}`) ?? [];
      const heads = routes.get(`HEAD ${path}`) ?? [];
      expect(heads).toHaveLength(1);
      const [head] = heads;
      for (const property of ['ApiId', 'Target', 'AuthorizationType', 'AuthorizerId'])
        expect(head?.[property], property).toEqual(get?.[property]);
    },
  );
});

import { beforeAll, describe, expect, it } from 'vitest';
import { allTemplates, type SynthesizedStage, synthStage } from './synth.js';

/**
 * CloudFormation refuses a stack of more than 500 resources, and each function costs about
 * seven (function, role, policy, log group, permission, integration, route); that is why each
 * domain is its own nested stack. Failing here, in CI, is far cheaper than a failed
 * `cdk deploy`; when a domain nears the limit, split it in the app definition.
 */
const CLOUDFORMATION_RESOURCE_LIMIT = 500;

describe('stack size', () => {
  let synth: SynthesizedStage;
  beforeAll(() => {
    synth = synthStage('prod');
  });

  it('keeps every stack under CloudFormation’s resource limit', () => {
    for (const template of allTemplates(synth)) {
      const count = Object.keys(template.toJSON().Resources ?? {}).length;
      expect(count).toBeLessThan(CLOUDFORMATION_RESOURCE_LIMIT);
    }
  });
});

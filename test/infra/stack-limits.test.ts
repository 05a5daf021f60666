import { beforeAll, describe, expect, it } from 'vitest';
import { type SynthesizedStage, synthStage } from './synth.js';

/**
 * CloudFormation refuses a stack of more than 500 resources, and each function costs about
 * seven (function, role, policy, log group, permission, integration, route). Failing here, in
 * CI, is far cheaper than a failed `cdk deploy`; when this trips, split the API stack (e.g. one
 * nested stack per domain of infra/functions/).
 */
const CLOUDFORMATION_RESOURCE_LIMIT = 500;

describe('stack size', () => {
  let synth: SynthesizedStage;
  beforeAll(() => {
    synth = synthStage('prod');
  });

  it('keeps every stack under CloudFormation’s resource limit', () => {
    for (const template of [synth.dataTemplate, synth.apiTemplate]) {
      const count = Object.keys(template.toJSON().Resources ?? {}).length;
      expect(count).toBeLessThan(CLOUDFORMATION_RESOURCE_LIMIT);
    }
  });
});

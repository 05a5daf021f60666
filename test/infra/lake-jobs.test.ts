import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CfnJson, functionSite, synthStage } from './synth.js';

describe('the lake compaction job', () => {
  let site: ReturnType<typeof functionSite>;
  let fn: CfnJson;

  beforeAll(() => {
    site = functionSite(synthStage('prod'), 'compactChanges');
    fn = site.resources[site.functionId];
  });

  it('runs daily at 01:30 UTC, after the exporter’s last window of the day', () => {
    site.template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(30 1 * * ? *)',
      State: 'ENABLED',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [site.functionId, 'Arn'] } })],
    });
  });

  // The bucket variable and its prefix-limited grants come with the lake's buckets (the data stack).
  it('has the time and memory to build a day’s files', () => {
    expect(fn.Properties.Timeout).toBe(900);
    expect(fn.Properties.MemorySize).toBe(2048);
  });
});

import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { parseAlarmEmail, parseAllowedOrigins, parseStage, STAGES } from '../../infra/stacks/stage-config.js';
import { createStacks } from '../../infra/stacks/storefleet-app.js';

describe('stage', () => {
  it('defaults to dev and accepts the known stages', () => {
    expect(parseStage(undefined)).toBe('dev');
    for (const stage of STAGES) expect(parseStage(stage)).toBe(stage);
  });

  it('rejects anything else with a clear error', () => {
    expect(() => parseStage('staging')).toThrow('Unknown stage "staging": pass -c stage=dev|prod');
    expect(() => parseStage('')).toThrow(/Unknown stage/);
  });

  it('takes an optional alarm email and refuses anything that is not one', () => {
    expect(parseAlarmEmail(undefined)).toBeUndefined();
    expect(parseAlarmEmail('')).toBeUndefined();
    expect(parseAlarmEmail('ops@example.com')).toBe('ops@example.com');
    expect(() => parseAlarmEmail('ops')).toThrow('-c alarmEmail must be an email address, not "ops"');
    expect(() => parseAlarmEmail(42)).toThrow(/alarmEmail/);
  });

  it('takes optional browser origins for CORS, https only (http for localhost)', () => {
    expect(parseAllowedOrigins(undefined)).toBeUndefined();
    expect(parseAllowedOrigins('https://shop.example.com, https://pos.example.com:8443')).toEqual([
      'https://shop.example.com',
      'https://pos.example.com:8443',
    ]);
    expect(parseAllowedOrigins('http://localhost:5173')).toEqual(['http://localhost:5173']);
    for (const bad of ['http://shop.example.com', 'https://shop.example.com/path', '*', ',', 42]) {
      expect(() => parseAllowedOrigins(bad), String(bad)).toThrow(/allowedOrigins/);
    }
  });

  it('names a data and an api stack per stage, so stages share an account', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const names = STAGES.flatMap((stage) => {
      const { data, api } = createStacks(app, stage);
      return [data.stackName, api.stackName];
    });
    expect(names).toEqual([
      'storefleet-dev-data',
      'storefleet-dev-api',
      'storefleet-prod-data',
      'storefleet-prod-api',
    ]);
  });

  it('protects prod stacks from deletion', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const dev = createStacks(app, 'dev');
    const prod = createStacks(app, 'prod');
    expect([dev.data.terminationProtection, dev.api.terminationProtection]).toEqual([false, false]);
    expect([prod.data.terminationProtection, prod.api.terminationProtection]).toEqual([true, true]);
  });
});

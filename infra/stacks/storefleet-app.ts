import { type App, Tags } from 'aws-cdk-lib';
import { appDefinition } from '../app-definition.js';
import type { AppDefinition } from '../app-definition-types.js';
import { ApiStack } from './api-stack.js';
import { DataStack } from './data-stack.js';
import { type ExistingTable, type Stage, stageSettings } from './stage-config.js';

export interface StorefleetStacks {
  data: DataStack;
  api: ApiStack;
}

/**
 * Adds one stage's stacks to `app`. Side-effect free apart from that, so tests build the same
 * stacks as infra/app.ts. Stack names carry the stage and nothing has a physical name, so
 * several stages deploy side by side in one account.
 */
export const createStacks = (
  app: App,
  stage: Stage,
  options: {
    definition?: AppDefinition;
    alarmEmail?: string;
    /** By topic name of the app definition (`-c stockAlertEmail=...` for stockAlerts). */
    topicEmails?: Readonly<Record<string, string>>;
    allowedOrigins?: readonly string[];
    /** The built finance dashboard (dashboard/dist), hosted by the api stack when given. */
    dashboardAssetsPath?: string;
    /** `-c tableName=… -c tableStreamArn=…`: a restored table instead of a created one. */
    existingTable?: ExistingTable;
  } = {},
): StorefleetStacks => {
  const base = options.definition ?? appDefinition;
  // The stage's browser origins replace the default for the API's preflight and every function.
  const definition: AppDefinition = options.allowedOrigins
    ? { ...base, cors: { ...base.cors, allowOrigins: options.allowedOrigins } }
    : base;
  const settings = stageSettings(stage);
  const env = {
    account: process.env.CDK_DEFAULT_ACCOUNT,
    region: process.env.CDK_DEFAULT_REGION,
  };
  const prefix = `${definition.service}-${stage}`;

  const data = new DataStack(app, `${prefix}-data`, {
    env,
    settings,
    ...(options.existingTable ? { existingTable: options.existingTable } : {}),
    description: `storefleet ${stage}: DynamoDB table, event bus with its archive, data-lake buckets (stateful)`,
    terminationProtection: settings.retain,
  });
  const api = new ApiStack(app, `${prefix}-api`, {
    env,
    settings,
    table: data.table,
    eventBus: data.eventBus,
    buckets: data.buckets,
    definition,
    ...(options.topicEmails ? { topicEmails: options.topicEmails } : {}),
    ...(options.alarmEmail ? { alarmEmail: options.alarmEmail } : {}),
    ...(options.dashboardAssetsPath ? { dashboardAssetsPath: options.dashboardAssetsPath } : {}),
    description: `storefleet ${stage}: Cognito, HTTP API, Lambda functions and the finance dashboard`,
    terminationProtection: settings.retain,
  });

  for (const stack of [data, api]) {
    Tags.of(stack).add('service', definition.service);
    Tags.of(stack).add('stage', stage);
  }
  return { data, api };
};

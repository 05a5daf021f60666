/** CDK entry point (cdk.json): `npx cdk synth -c stage=dev|prod`. */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { appDefinition } from './app-definition.js';
import { builtDashboard } from './dashboard-assets.js';
import { buildDashboard } from './local/dashboard-build.js';
import {
  parseAlarmEmail,
  parseAllowedOrigins,
  parseEmail,
  parseExistingTable,
  parseStage,
} from './stacks/stage-config.js';
import { createStacks } from './stacks/storefleet-app.js';

const app = new App();
/** `-c stockAlertEmail=...` and the like: each topic names its own context key. */
const topicEmails = Object.fromEntries(
  Object.entries(appDefinition.topics).flatMap(([name, topic]) => {
    const email = parseEmail(topic.emailContext, app.node.tryGetContext(topic.emailContext));
    return email ? [[name, email]] : [];
  }),
);
createStacks(app, parseStage(app.node.tryGetContext('stage')), {
  alarmEmail: parseAlarmEmail(app.node.tryGetContext('alarmEmail')),
  topicEmails,
  allowedOrigins: parseAllowedOrigins(app.node.tryGetContext('allowedOrigins')),
  // A restored table (docs/runbooks/restore.md): `-c tableName=… -c tableStreamArn=…`.
  existingTable: parseExistingTable(
    app.node.tryGetContext('tableName'),
    app.node.tryGetContext('tableStreamArn'),
  ),
  // Built here (esbuild, a second or so), so `cdk synth`/`deploy` always ship the current page.
  dashboardAssetsPath: builtDashboard(await buildDashboard()),
});
// Fails the synth on any AwsSolutions finding not fixed or acknowledged with a reason.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();

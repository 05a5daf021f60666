/** CDK entry point (cdk.json): `npx cdk synth -c stage=dev|prod`. */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { parseAlarmEmail, parseAllowedOrigins, parseStage } from './stacks/stage-config.js';
import { createStacks } from './stacks/storefleet-app.js';

const app = new App();
createStacks(app, parseStage(app.node.tryGetContext('stage')), {
  alarmEmail: parseAlarmEmail(app.node.tryGetContext('alarmEmail')),
  allowedOrigins: parseAllowedOrigins(app.node.tryGetContext('allowedOrigins')),
});
// Fails the synth on any AwsSolutions finding not fixed or acknowledged with a reason.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();

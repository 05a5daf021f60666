import { readFileSync } from 'node:fs';
import path from 'node:path';
import { App, type CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { appDefinition } from '../../infra/app-definition.js';
import { REPO_ROOT } from '../../infra/bundling.js';
import { defineApp } from '../../infra/define-app.js';
import type { Stage } from '../../infra/stacks/stage-config.js';
import { createStacks, type StorefleetStacks } from '../../infra/stacks/storefleet-app.js';

/** Stands in for the built dashboard (dashboard/dist) wherever a test synthesizes the site. */
export const DASHBOARD_FIXTURE = path.join(import.meta.dirname, 'fixtures', 'dashboard');

/** cdk.json's feature flags, so tests see the templates `cdk synth` produces. */
export const cdkJsonContext = (): Record<string, unknown> =>
  (JSON.parse(readFileSync(path.join(REPO_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> })
    .context;

export interface SynthesizedStage extends StorefleetStacks {
  app: App;
  dataTemplate: Template;
  apiTemplate: Template;
  /** The nested stacks' templates, by domain of the app definition. */
  domainTemplates: Record<string, Template>;
}

/** The real definition plus one scheduled job, so the wiring is covered before a domain adds one. */
export const withNightlyJob = defineApp({
  ...appDefinition,
  domains: {
    ...appDefinition.domains,
    jobs: {
      nightlyJob: {
        entry: 'functions/platform/health.ts',
        description: 'A scheduled job',
        bindings: [{ table: 'read-write' }],
        triggers: [
          {
            kind: 'schedule',
            expression: 'cron(0 3 * * ? *)',
            description: 'Every night at 03:00 UTC',
            localEveryMinutes: 60,
          },
        ],
      },
    },
  },
});

/** Builds one stage without bundling (no esbuild run, so fast and deterministic). */
export const synthStage = (
  stage: Stage,
  options: Parameters<typeof createStacks>[2] = {},
): SynthesizedStage => {
  const app = new App({ context: { ...cdkJsonContext(), stage, 'aws:cdk:bundling-stacks': [] } });
  const stacks = createStacks(app, stage, { dashboardAssetsPath: DASHBOARD_FIXTURE, ...options });
  return {
    app,
    ...stacks,
    dataTemplate: Template.fromStack(stacks.data),
    apiTemplate: Template.fromStack(stacks.api),
    domainTemplates: Object.fromEntries(
      Object.entries(stacks.api.domains).map(([domain, stack]) => [domain, Template.fromStack(stack)]),
    ),
  };
};

/** Every template of the stage: data, api and the api's nested domain stacks. */
export const allTemplates = (synth: SynthesizedStage): Template[] => [
  synth.dataTemplate,
  synth.apiTemplate,
  ...Object.values(synth.domainTemplates),
];

/** Resources of the given type across the api stack and its domain stacks. */
export const apiResourcesOfType = (synth: SynthesizedStage, type: string): CfnJson[] =>
  [synth.apiTemplate, ...Object.values(synth.domainTemplates)].flatMap((template) =>
    Object.values(template.findResources(type)),
  );

/** Where a function of the app definition was synthesized: its domain stack, template and ids. */
export const functionSite = (synth: SynthesizedStage, name: string) => {
  const appFunction = synth.api.functions[name];
  if (!appFunction) throw new Error(`no function ${name}`);
  const stack = Stack.of(appFunction.function);
  const domain = Object.entries(synth.api.domains).find(([, domainStack]) => domainStack === stack)?.[0];
  const template = domain ? synth.domainTemplates[domain] : undefined;
  if (!domain || !template) throw new Error(`function ${name} is not in a domain stack`);
  return {
    appFunction,
    domain,
    stack,
    template,
    resources: template.toJSON().Resources as Record<string, CfnJson>,
    functionId: logicalId(stack, appFunction.function),
    roleId: logicalId(stack, appFunction.role),
  };
};

/**
 * What the api stack passes for a domain stack's parameter: `{Ref: <parameter>}` inside a nested
 * template is whatever its AWS::CloudFormation::Stack resource in the parent sets it to.
 */
export const parentValueOfParameter = (
  synth: SynthesizedStage,
  domain: string,
  parameter: string,
): CfnJson => {
  const nested = synth.api.domains[domain];
  if (!nested?.nestedStackResource) throw new Error(`no domain stack ${domain}`);
  const resourceId = synth.api.getLogicalId(nested.nestedStackResource as CfnElement);
  return synth.apiTemplate.toJSON().Resources[resourceId].Properties.Parameters?.[parameter];
};

/** Logical id of an L2 construct's CloudFormation resource. */
export const logicalId = (stack: Stack, construct: { node: { defaultChild?: unknown } }): string =>
  stack.getLogicalId(construct.node.defaultChild as CfnElement);

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation JSON is untyped.
export type CfnJson = any;

export interface PolicyStatement {
  Effect: string;
  Action: string | string[];
  Resource: CfnJson;
}

export const actionsOf = (statement: PolicyStatement): string[] =>
  Array.isArray(statement.Action) ? statement.Action : [statement.Action];

/** Every statement of the IAM policies attached to a role (by the role's logical id). */
export const statementsOfRole = (template: Template, roleLogicalId: string): PolicyStatement[] =>
  Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy: CfnJson) =>
      (policy.Properties.Roles as CfnJson[]).some((role) => role.Ref === roleLogicalId),
    )
    .flatMap((policy: CfnJson) => policy.Properties.PolicyDocument.Statement as PolicyStatement[]);

/** Lambda functions CDK adds for its own custom resources; not functions of the app definition. */
export const isCdkHelperFunction = (id: string): boolean =>
  /^(AWS679f53fac002430cb0da5b7982bd2287|LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8a|BucketNotificationsHandler|CustomCDK|Custom.*CustomResourceProvider)/.test(
    id,
  );

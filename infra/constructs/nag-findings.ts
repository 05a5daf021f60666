import { Stack } from 'aws-cdk-lib';
import { type IRole, Policy } from 'aws-cdk-lib/aws-iam';
// cdk-nag's own spelling of a resource in finding ids (`<Bucket.Arn>/*`); no public export has it.
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';

/**
 * The IAM5 finding ids cdk-nag raises for a role's default policy (`Action::s3:GetObject*`,
 * `Resource::<Bucket.Arn>/*`), read from the statements CDK's grants wrote, so the
 * acknowledgement names exactly those grants and no later one.
 */
export const wildcardFindingsOf = (role: IRole): string[] => {
  const policy = role.node.tryFindChild('DefaultPolicy');
  if (!(policy instanceof Policy)) return [];
  const document = Stack.of(policy).resolve(policy.document) as {
    Statement: { Action: string | string[]; Resource: unknown }[];
  };
  const ids = document.Statement.flatMap((statement) => [
    ...[statement.Action]
      .flat()
      .filter((action) => action.includes('*'))
      .map((action) => `Action::${action}`),
    ...[statement.Resource]
      .flat()
      .map(flattenCfnReference)
      .filter((resource) => resource.includes('*'))
      .map((resource) => `Resource::${resource}`),
  ]);
  return [...new Set(ids)].map((id) => `AwsSolutions-IAM5[${id}]`);
};

import { Duration, type RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  BackupPlan,
  BackupPlanRule,
  BackupResource,
  type BackupSelection,
  BackupVault,
} from 'aws-cdk-lib/aws-backup';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Schedule } from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';
import type { BackupSettings } from '../stacks/stage-config.js';

/** After the quiet hours of every store (UTC 16:00–18:00 is 02:00–05:00 in Sydney and Perth). */
const DAILY_AT = { hour: '17', minute: '0' } as const;
const MONTHLY_AT = { day: '1', hour: '18', minute: '0' } as const;
/** A job that has not started within the hour is reported as missed rather than run late. */
const START_WINDOW = Duration.hours(1);
/** AWS Backup requires completion ≥ start + 60 minutes; an on-demand DynamoDB backup takes minutes. */
const COMPLETION_WINDOW = Duration.hours(4);

export interface TableBackupProps {
  table: ITable;
  settings: BackupSettings;
  removalPolicy: RemovalPolicy;
}

/**
 * The table's AWS Backup plan: a vault of its own, a daily rule (kept `dailyRetentionDays`) and,
 * where the stage asks for it, a monthly rule kept longer, and a selection of the table the stage
 * uses (created or restored). PITR covers the last 35 days to the second; these are the copies
 * that outlive it and that a deleted table leaves behind (docs/runbooks/restore.md).
 */
export class TableBackup extends Construct {
  readonly vault: BackupVault;
  readonly plan: BackupPlan;
  readonly selection: BackupSelection;

  constructor(scope: Construct, id: string, props: TableBackupProps) {
    super(scope, id);
    const { settings } = props;
    // AWS Backup's own key (aws/backup): no key policy to keep, and restores need no KMS grant.
    this.vault = new BackupVault(this, 'Vault', {
      removalPolicy: props.removalPolicy,
      blockRecoveryPointDeletion: settings.blockRecoveryPointDeletion,
    });
    // Named after the stack (storefleet-<stage>-data-table): plans of several stages share an account.
    this.plan = new BackupPlan(this, 'Plan', {
      backupPlanName: `${Stack.of(this).stackName}-table`,
      backupVault: this.vault,
    });
    this.plan.addRule(
      new BackupPlanRule({
        ruleName: 'daily',
        scheduleExpression: Schedule.cron(DAILY_AT),
        startWindow: START_WINDOW,
        completionWindow: COMPLETION_WINDOW,
        deleteAfter: Duration.days(settings.dailyRetentionDays),
      }),
    );
    if (settings.monthlyRetentionDays !== undefined)
      this.plan.addRule(
        new BackupPlanRule({
          ruleName: 'monthly',
          scheduleExpression: Schedule.cron(MONTHLY_AT),
          startWindow: START_WINDOW,
          completionWindow: COMPLETION_WINDOW,
          deleteAfter: Duration.days(settings.monthlyRetentionDays),
        }),
      );
    this.selection = this.plan.addSelection('Table', {
      resources: [BackupResource.fromDynamoDbTable(props.table)],
      // The role may also restore, so a restore job needs no role of its own (runbook).
      allowRestores: true,
    });
    Validations.of(this.selection).acknowledge(
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
        reason:
          "AWS Backup's documented service-role policy for backup jobs; AWS keeps it in step with what backing up each resource type needs.",
      },
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores]',
        reason:
          "AWS Backup's documented service-role policy for restore jobs, used by the runbook's restore.",
      },
    );
  }
}

import { Duration, RemovalPolicy, Stack, Tags, Token } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as rds from 'aws-cdk-lib/aws-rds';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { policyOf } from '../../lib/policy/context';
import { copyRegionProblem } from '../../lib/policy/validators';
import { TAG_CLASSIFICATION, TAG_DATA_ORIGIN } from '../../lib/checks/vocabulary';
import { acknowledgeInlinePolicy, acknowledgeNag, awsManagedPolicyFinding } from '../common/nag-acknowledgments';
import { invalidProp, requireIntegerInRange, requireValid } from '../common/validate';
import { THRESHOLDS } from '../../lib/policy/thresholds';

/**
 * Documented facts the construct relies on, kept as data with their source so a test pins each:
 * - restore testing supports these protected resource types among others (AWS Backup Developer
 *   Guide, "Restore testing", feature availability by resource: https://docs.aws.amazon.com/aws-backup/latest/devguide/restore-testing.html);
 *   Aurora restore tests need restore metadata overrides (subnet group, security groups) and are
 *   not set up here;
 * - the managed policies of the AWS Backup service role: backup and restore, plus the S3 ones
 *   (AWS Backup Developer Guide, "Managed policies for AWS Backup");
 * - a restore-testing plan picks `LATEST_WITHIN_WINDOW` recovery points of `SNAPSHOT` type from
 *   the vaults it includes (AWS::Backup::RestoreTestingPlan RecoveryPointSelection).
 */
export const BACKUP_FACTS = {
  restoreTestingTypes: { bucket: 'S3', table: 'DynamoDB' },
  servicePolicies: [
    'service-role/AWSBackupServiceRolePolicyForBackup',
    'service-role/AWSBackupServiceRolePolicyForRestores',
    'AWSBackupServiceRolePolicyForS3Backup',
    'AWSBackupServiceRolePolicyForS3Restore',
  ],
  restorePointSelection: { algorithm: 'LATEST_WITHIN_WINDOW', types: ['SNAPSHOT'] },
} as const;

/** Props of {@link DataBackups}. */
export interface DataBackupsProps {
  /** The customer-managed key of the vault (DPP 3.4): the recovery points hold PII. */
  readonly encryptionKey: kms.IKey;
  /**
   * Days a recovery point is kept. At most `piiRetentionDays`: a backup may not outlive the data
   * it protects (DPP 3.1 Data Retention, DPP 2.8 deletion).
   * @default 7
   */
  readonly retentionDays?: number;
  /**
   * The PII retention of the stores backed up (their expiry / TTL), the ceiling of `retentionDays`.
   * @default 30
   */
  readonly piiRetentionDays?: number;
  /**
   * A second region recovery points are copied to (geographically dispersed backups), into a vault
   * of the same name there, which must exist (deploy this construct in that region too). Copies
   * are deleted after `retentionDays` as well.
   * @default - no copy
   */
  readonly copyRegion?: string;
  /**
   * Whether AWS Backup restores the latest recovery point of each S3 bucket and DynamoDB table
   * every week, checks the restore, and deletes the restored copy.
   * @default true
   */
  readonly restoreTesting?: boolean;
  /**
   * The vault's name (unique in the account and region).
   * @default 'dpp-backups'
   */
  readonly vaultName?: string;
  /**
   * What happens to the vault when it leaves the stack (a vault with recovery points cannot be deleted).
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

const NAME = 'DataBackups';

/**
 * Restore of availability and access to PII (DPP 3.7 Vulnerability Management): an AWS Backup plan
 * with daily backups of the stores added to it, in a vault encrypted with a customer-managed key,
 * whose recovery points are deleted within the PII retention window (by default after 7 days;
 * never later than the stores' own expiry, so a backup never outlives the data it protects: DPP 3.1
 * Data Retention and DPP 2.8 deletion), optionally copied to a second region, and, where AWS
 * Backup supports it (S3, DynamoDB), a weekly restore test that restores the latest recovery point,
 * validates it and deletes the restored copy.
 */
export class DataBackups extends Construct {
  public readonly vault: backup.BackupVault;
  public readonly plan: backup.BackupPlan;
  public readonly role: iam.Role;
  public readonly restoreTestingPlan?: backup.CfnRestoreTestingPlan;
  public readonly retentionDays: number;
  private readonly restoreTesting: boolean;
  private readonly ids = new Set<string>();

  constructor(scope: Construct, id: string, props: DataBackupsProps) {
    super(scope, id);
    const piiRetentionDays = requireIntegerInRange(NAME, 'piiRetentionDays', props.piiRetentionDays ?? policyOf(this).values.piiRetentionDays, 1, THRESHOLDS.piiRetentionDays.range![1]);
    this.retentionDays = requireIntegerInRange(NAME, 'retentionDays', props.retentionDays ?? 7, 1, piiRetentionDays,
      `a recovery point may not outlive the PII it holds: at most piiRetentionDays (${piiRetentionDays}), DPP 3.1 and 2.8`);
    const vaultName = props.vaultName ?? 'dpp-backups';
    if (!/^[A-Za-z0-9_-]{2,50}$/.test(vaultName)) invalidProp(NAME, 'vaultName', `must be 2 to 50 letters, digits, '-' or '_', got ${JSON.stringify(vaultName)}`);
    const stack = Stack.of(this);
    // The same check as the config's backupCopyRegion: required where the profile asks for a second-region copy.
    requireValid(NAME, 'copyRegion', props.copyRegion, copyRegionProblem(props.copyRegion, Token.isUnresolved(stack.region) ? undefined : stack.region, policyOf(this)));
    this.restoreTesting = props.restoreTesting ?? true;

    this.vault = new backup.BackupVault(this, 'Vault', {
      backupVaultName: vaultName,
      encryptionKey: props.encryptionKey,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    Tags.of(this.vault).add(TAG_DATA_ORIGIN, 'ecartapi');
    Tags.of(this.vault).add(TAG_CLASSIFICATION, 'pii');

    const deleteAfter = Duration.days(this.retentionDays);
    const copyActions = props.copyRegion === undefined ? undefined : [{
      destinationBackupVault: backup.BackupVault.fromBackupVaultArn(this, 'CopyVault', `arn:${stack.partition}:backup:${props.copyRegion}:${stack.account}:backup-vault:${vaultName}`),
      deleteAfter,
    }];
    this.plan = new backup.BackupPlan(this, 'Plan', {
      backupVault: this.vault,
      backupPlanRules: [new backup.BackupPlanRule({
        ruleName: 'DailyWithinPiiRetention',
        scheduleExpression: events.Schedule.cron({ minute: '0', hour: '3' }),
        startWindow: Duration.hours(1),
        completionWindow: Duration.hours(8),
        deleteAfter,
        copyActions,
      })],
    });

    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('backup.amazonaws.com'),
      description: 'DPP 3.7: AWS Backup backs up, restores and restore-tests the PII stores of the plan',
      managedPolicies: BACKUP_FACTS.servicePolicies.map((name) => iam.ManagedPolicy.fromAwsManagedPolicyName(name)),
    });
    // The vault key encrypts recovery points and the restored copies (AWS Backup Developer Guide, "Encryption for backups in AWS Backup").
    props.encryptionKey.grant(this.role, 'kms:Decrypt', 'kms:GenerateDataKey', 'kms:CreateGrant', 'kms:DescribeKey');
    acknowledgeInlinePolicy(this.role, 'the AWS Backup service role (use of the vault key)');
    for (const policy of BACKUP_FACTS.servicePolicies) {
      acknowledgeNag(this.role, awsManagedPolicyFinding(policy),
        'AWS Backup\'s own service-role policy, maintained by AWS as the service adds resource types: it lets AWS Backup snapshot, copy and restore only the resources a backup or restore-testing selection names. ' +
        'A hand-written copy would fall behind the service and break backups silently; the role can be assumed by backup.amazonaws.com only.');
    }

    if (this.restoreTesting) {
      this.restoreTestingPlan = new backup.CfnRestoreTestingPlan(this, 'RestoreTesting', {
        restoreTestingPlanName: `${vaultName.replace(/-/g, '_')}_weekly_restore_test`,
        scheduleExpression: 'cron(0 5 ? * SUN *)',
        startWindowHours: 4,
        recoveryPointSelection: {
          algorithm: BACKUP_FACTS.restorePointSelection.algorithm,
          includeVaults: [this.vault.backupVaultArn],
          recoveryPointTypes: [...BACKUP_FACTS.restorePointSelection.types],
          selectionWindowDays: Math.min(7, this.retentionDays),
        },
      });
    }
  }

  /** Backs up a bucket (versioning must be on, as on `PiiBucket`) and restore-tests it weekly. */
  public addBucket(id: string, bucket: s3.IBucket): void {
    this.add(id, backup.BackupResource.fromArn(bucket.bucketArn), bucket.bucketArn, BACKUP_FACTS.restoreTestingTypes.bucket);
  }

  /** Backs up a table and restore-tests it weekly. */
  public addTable(id: string, table: dynamodb.ITable): void {
    this.add(id, backup.BackupResource.fromDynamoDbTable(table), table.tableArn, BACKUP_FACTS.restoreTestingTypes.table);
  }

  /** Backs up an Aurora cluster or an RDS instance (no restore test: it would need network overrides). */
  public addDatabase(id: string, database: rds.IDatabaseCluster | rds.IDatabaseInstance): void {
    const resource = 'clusterIdentifier' in database ? backup.BackupResource.fromRdsDatabaseCluster(database) : backup.BackupResource.fromRdsDatabaseInstance(database);
    this.add(id, resource, undefined, undefined);
  }

  private add(id: string, resource: backup.BackupResource, arn: string | undefined, restoreType: string | undefined): void {
    if (!/^[A-Za-z0-9-]{1,40}$/.test(id) || this.ids.has(id)) invalidProp(NAME, 'id', `must be a new name of 1 to 40 letters, digits or '-', got ${JSON.stringify(id)}`);
    this.ids.add(id);
    this.plan.addSelection(id, { resources: [resource], role: this.role, backupSelectionName: `dpp-${id}` });
    if (this.restoreTestingPlan && arn && restoreType) {
      const selection = new backup.CfnRestoreTestingSelection(this, `${id}RestoreTest`, {
        restoreTestingPlanName: this.restoreTestingPlan.restoreTestingPlanName,
        restoreTestingSelectionName: `dpp_${id.replace(/-/g, '_')}`,
        protectedResourceType: restoreType,
        protectedResourceArns: [arn],
        iamRoleArn: this.role.roleArn,
        // The restored copy holds PII: AWS Backup deletes it once the validation window ends.
        validationWindowHours: 1,
      });
      selection.addResourceDependency(this.restoreTestingPlan);
    }
  }
}

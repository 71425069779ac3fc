import { Duration, RemovalPolicy, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import { TAG_CLASSIFICATION, TAG_DATA_ORIGIN } from '../../lib/checks/vocabulary';
import { invalidProp, requireIntegerInRange } from '../common/validate';

const NAME = 'BackupCopyVaultStack';

/** Props of {@link BackupCopyVaultStack}. */
export interface BackupCopyVaultStackProps extends StackProps {
  /**
   * The vault's name: the one `DataBackups` names in its copy action (`arn:…:backup:<copyRegion>:<account>:backup-vault:<name>`).
   * @default 'dpp-backups'
   */
  readonly vaultName?: string;
  /**
   * What happens to the vault and its key when they leave the stack. A vault holding recovery
   * points cannot be deleted; the key must outlive every copy encrypted under it.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Days the key waits before deletion once scheduled (7 to 30).
   * @default 30
   */
  readonly pendingWindowDays?: number;
}

/**
 * The second-region vault `DataBackups` copies the PII stores' recovery points to (DPP 3.7:
 * geographically dispersed backups), with its own customer-managed key in that region (a KMS key
 * never leaves its region, so the copy is re-encrypted under this one). A stack of its own, since a
 * stack deploys to one region: deploy it before the baseline whose plan copies to it (the baseline
 * app adds it, and the dependency, when `backupCopyRegion` is set). The copies are deleted on the
 * source plan's schedule (`deleteAfter` of the copy action), within the PII retention.
 */
export class BackupCopyVaultStack extends Stack {
  public readonly vault: backup.BackupVault;
  public readonly key: kms.Key;

  constructor(scope: Construct, id: string, props: BackupCopyVaultStackProps) {
    super(scope, id, props);
    const vaultName = props.vaultName ?? 'dpp-backups';
    if (!/^[A-Za-z0-9_-]{2,50}$/.test(vaultName)) invalidProp(NAME, 'vaultName', `must be 2 to 50 letters, digits, '-' or '_', got ${JSON.stringify(vaultName)}`);
    const pendingWindowDays = requireIntegerInRange(NAME, 'pendingWindowDays', props.pendingWindowDays ?? 30, 7, 30);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    this.key = new kms.Key(this, 'Key', {
      description: `DPP 3.4 / 3.7: encrypts the second-region copies of the PII stores' recovery points (vault ${vaultName})`,
      enableKeyRotation: true,
      pendingWindow: Duration.days(pendingWindowDays),
      removalPolicy,
    });
    this.vault = new backup.BackupVault(this, 'Vault', { backupVaultName: vaultName, encryptionKey: this.key, removalPolicy });
    Tags.of(this.vault).add(TAG_DATA_ORIGIN, 'ecartapi');
    Tags.of(this.vault).add(TAG_CLASSIFICATION, 'pii');
  }
}

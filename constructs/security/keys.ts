import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { invalidProp, requireIntegerInRange } from '../common/validate';
import { retainExceptOnCreate } from '../common/removal';
import { recordCreationTrace } from '../common/creation-trace';

/** Props of {@link EncryptionKeys}. */
export interface EncryptionKeysProps {
  /**
   * The first segment of the keys' aliases: `alias/<aliasPrefix>/data`, `…/logs`, `…/secrets`.
   * Alias names are unique per account and region, so two instances there need different prefixes.
   * @default 'dpp'
   */
  readonly aliasPrefix?: string;
  /**
   * Whether the keys go when their stack is deleted (test environments). Keys are never deleted at
   * once: KMS waits `pendingWindowDays` first, and data encrypted under a deleted key is lost.
   * @default false - the keys are retained when the stack or the construct is removed
   */
  readonly disposable?: boolean;
  /**
   * Whether the `logs` key goes with the stack too when `disposable`. Log groups kept after their
   * stack is deleted (function logs, DPP 3.6 Logging and Monitoring) stay encrypted under it, and
   * a deleted key leaves them unreadable: keep the key as long as anything it encrypts is kept.
   * @default false - the logs key is retained even when the other keys are disposable
   */
  readonly disposableLogsKey?: boolean;
  /**
   * Days KMS waits before deleting a key scheduled for deletion (7 to 30).
   * @default 30
   */
  readonly pendingWindowDays?: number;
}

const NAME = 'EncryptionKeys';
const ALIAS_SEGMENT = /^[a-zA-Z0-9/_-]+$/;

/**
 * Customer-managed KMS keys, one per purpose (DPP 3.4 Encryption at Rest: AES-256 keys only the
 * developer's processes and services can use):
 *
 * - `data`: PII stores (databases, buckets, tables, Performance Insights).
 * - `logs`: log groups; its policy also lets CloudWatch Logs use it, but only for log groups of
 *   this account and region (the `kms:EncryptionContext:aws:logs:arn` condition CloudWatch Logs
 *   documents; it has no `aws:SourceAccount` key for KMS calls, the encryption context is what
 *   ties a call to the account).
 * - `secrets`: Secrets Manager secrets.
 *
 * Every key is symmetric (AES-256-GCM), rotates yearly, has an alias, and a key policy that grants
 * only the account root (the standard delegation to the account's IAM policies, so access is
 * granted per principal with `grant*`) plus, on the logs key, the CloudWatch Logs service
 * principal, and, on the data key, Macie's service-linked role decrypting through S3 (named by
 * `aws:PrincipalArn` under `Principal: "*"`, with `kms:CallerAccount`: the role exists only once Macie
 * is enabled, and KMS refuses a policy naming a missing role). Services that use a key on a caller's behalf
 * (RDS, S3, DynamoDB, Secrets Manager) need no key-policy statement: they act with the caller's
 * IAM permissions (`kms:ViaService`).
 */
export class EncryptionKeys extends Construct {
  /** The key of PII stores. */
  public readonly data: kms.Key;
  /** The key of log groups. */
  public readonly logs: kms.Key;
  /** The key of secrets. */
  public readonly secrets: kms.Key;

  constructor(scope: Construct, id: string, props: EncryptionKeysProps = {}) {
    super(scope, id);
    recordCreationTrace(this, new.target);
    const aliasPrefix = props.aliasPrefix ?? 'dpp';
    if (!ALIAS_SEGMENT.test(aliasPrefix) || aliasPrefix.startsWith('aws') || aliasPrefix.startsWith('/') || aliasPrefix.endsWith('/')) {
      invalidProp(NAME, 'aliasPrefix', `must be letters, digits, '/', '_' or '-', not start with 'aws' and not start or end with '/', got ${JSON.stringify(aliasPrefix)}`);
    }
    const pendingWindowDays = requireIntegerInRange(NAME, 'pendingWindowDays', props.pendingWindowDays ?? 30, 7, 30);
    const disposable = (purpose: string): boolean => (props.disposable ?? false) && (purpose !== 'logs' || (props.disposableLogsKey ?? false));
    const make = (purpose: string, description: string): kms.Key =>
      new kms.Key(this, purpose[0].toUpperCase() + purpose.slice(1), {
        alias: `alias/${aliasPrefix}/${purpose}`,
        description,
        enableKeyRotation: true,
        keySpec: kms.KeySpec.SYMMETRIC_DEFAULT,
        keyUsage: kms.KeyUsage.ENCRYPT_DECRYPT,
        pendingWindow: Duration.days(pendingWindowDays),
        removalPolicy: disposable(purpose) ? RemovalPolicy.DESTROY : retainExceptOnCreate(),
      });

    this.data = make('data', 'DPP 3.4: encrypts PII stores (databases, buckets, tables)');
    this.logs = make('logs', 'DPP 3.4/3.6: encrypts log groups');
    this.secrets = make('secrets', 'DPP 2.4/3.4: encrypts Secrets Manager secrets');

    allowCloudWatchLogs(this.logs);

    // Macie reads objects encrypted under a customer key only if the key policy lets its
    // service-linked role decrypt (its IAM policy has no kms:Decrypt). Principal "*" narrowed to that
    // role by aws:PrincipalArn, because KMS rejects a key policy naming a role that does not exist
    // yet, and the role appears only when Macie is enabled; kms:ViaService limits it to S3 reads.
    // Source: https://docs.aws.amazon.com/macie/latest/user/discovery-supported-encryption-types.html
    const { region, account, partition } = Stack.of(this);
    this.data.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowMacieToReadObjectsThroughS3',
        principals: [new iam.AnyPrincipal()],
        actions: ['kms:Decrypt'],
        resources: ['*'],
        conditions: {
          StringEquals: { 'kms:CallerAccount': account, 'kms:ViaService': `s3.${region}.amazonaws.com` },
          ArnEquals: { 'aws:PrincipalArn': macieServiceLinkedRoleArn(partition, account) },
        },
      }),
    );
  }
}

/**
 * Lets CloudWatch Logs use a key, only for log groups of the key's account and region (the
 * `kms:EncryptionContext:aws:logs:arn` condition CloudWatch Logs sets on every request).
 * Source: https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
 */
export function allowCloudWatchLogs(key: kms.Key): void {
  const { region, account, partition } = Stack.of(key);
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AllowCloudWatchLogsForThisAccountsLogGroups',
      principals: [new iam.ServicePrincipal(`logs.${region}.amazonaws.com`)],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'],
      conditions: {
        ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${partition}:logs:${region}:${account}:log-group:*` },
      },
    }),
  );
}

/** The ARN of Macie's service-linked role (created by AWS when Macie is enabled). */
export function macieServiceLinkedRoleArn(partition: string, account: string): string {
  return `arn:${partition}:iam::${account}:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie`;
}

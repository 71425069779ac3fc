import { Duration, RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { TAG_CLASSIFICATION, TAG_DATA_ORIGIN } from '../../lib/checks/vocabulary';
import { acknowledgeInlinePolicy, acknowledgeNag, acknowledgeNoReplication } from '../common/nag-acknowledgments';
import { BASELINE_DEFAULTS, provisionedDefaults } from '../../lib/policy/defaults';
import type { PolicyProfile } from '../../lib/policy/profile';
import { invalidProp, policyFor, requireIntegerInRange } from '../common/validate';
import { defaultLogRetention, requireLogRetentionDays } from './log-retention';
import { logServerAccess, newAccessLogsBucket } from './server-access-logs';
import { retainExceptOnCreate } from '../common/removal';
import { recordCreationTrace } from '../common/creation-trace';

/** How S3 Object Lock protects the trail's log files. */
export enum AuditLogLockMode {
  /** Nobody can delete or overwrite a locked object except principals allowed `s3:BypassGovernanceRetention`. */
  GOVERNANCE = 'GOVERNANCE',
  /** Nobody, not even the root user, can delete or overwrite a locked object before its retention ends. */
  COMPLIANCE = 'COMPLIANCE',
}

/** Props of {@link AuditTrail}. */
export interface AuditTrailProps {
  /**
   * The trail's name (unique in the account and region). The key policy names the trail by ARN.
   * @default 'dpp-audit-trail'
   */
  readonly trailName?: string;
  /**
   * Retention of the trail's CloudWatch Logs copy: at least the profile's minimum (DPP 3.6 Logging and Monitoring).
   * @default logs.RetentionDays.ONE_YEAR (or the profile's minimum, if longer)
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * Object Lock mode of the log files. Object Lock can only be enabled when a bucket is created.
   * @default AuditLogLockMode.GOVERNANCE
   */
  readonly lockMode?: AuditLogLockMode;
  /**
   * Days each log file is locked against deletion and overwrite: at least the profile's log retention (DPP 3.6).
   * @default 365 (or the profile's log retention, if longer)
   */
  readonly lockDays?: number;
  /**
   * Days after which log files move to S3 Glacier Instant Retrieval (cheaper, still readable at once).
   * @default 90
   */
  readonly transitionAfterDays?: number;
  /**
   * Days after which log files expire (current versions; their non-current versions a day later):
   * from `lockDays` to the profile's non-PII retention where the profile sets one (DPP 2.8).
   * @default - the profile's non-PII retention (`dpp-2025`: 545 days); kept for ever under `dpp`
   */
  readonly expireAfterDays?: number;
  /**
   * The policy profile whose thresholds bound the props and set the defaults (README "Policy profiles").
   * @default - the profile in construct context (`dpp:policy`), else `dpp`
   */
  readonly policy?: PolicyProfile;
  /**
   * The key the trail's log files and its log group are encrypted with.
   * @default - a dedicated customer-managed key with rotation
   */
  readonly encryptionKey?: kms.IKey;
  /**
   * The bucket that receives the log bucket's S3 server access logs.
   * @default - a dedicated access-log bucket
   */
  readonly accessLogsBucket?: s3.IBucket;
  /**
   * What happens to the buckets, log group and key when they leave the stack. Audit evidence is
   * kept by default; object-locked files cannot be deleted before their lock ends anyway.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

const NAME = 'AuditTrail';
const TRAIL_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{2,127}$/;

/**
 * The account's audit trail (DPP 3.6 Logging and Monitoring, DPP 2.7 Incident Response):
 * - a CloudTrail trail of every region, with global service events (IAM, STS, sign-in) and
 *   log-file integrity validation (signed digest files);
 * - log files encrypted with a dedicated KMS key whose policy lets CloudTrail use it only for this
 *   trail (`aws:SourceArn`, `aws:SourceAccount`) and CloudWatch Logs only for this account's log groups;
 * - a copy in a KMS-encrypted CloudWatch Logs group (retention ≥ 90 days, one year by default),
 *   where {@link SecurityAlarms} filters events;
 * - a bucket that is versioned, object-locked (S3 Object Lock, governance or compliance mode,
 *   ≥ 90 days), TLS-only, blocked from public access, server-access-logged to a separate log
 *   bucket, with log files moving to a cheaper storage class after 90 days;
 * - everything retained when the stack is deleted.
 * The bucket and the log group are classified `confidential` (audit logs name people and
 * addresses); the access-log bucket `internal`.
 */
export class AuditTrail extends Construct {
  public readonly trail: cloudtrail.Trail;
  public readonly bucket: s3.Bucket;
  public readonly accessLogsBucket: s3.IBucket;
  public readonly logGroup: logs.LogGroup;
  public readonly encryptionKey: kms.IKey;

  constructor(scope: Construct, id: string, props: AuditTrailProps = {}) {
    super(scope, id);
    recordCreationTrace(this, new.target);
    const trailName = props.trailName ?? 'dpp-audit-trail';
    if (!TRAIL_NAME.test(trailName)) invalidProp(NAME, 'trailName', `must be 3 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit, got ${JSON.stringify(trailName)}`);
    const policy = policyFor(this, props.policy);
    const minLogDays = policy.values.logRetentionDays;
    const logRetention = requireLogRetentionDays(NAME, 'logRetention', props.logRetention ?? defaultLogRetention(policy), policy);
    const lockDays = requireIntegerInRange(NAME, 'lockDays', props.lockDays ?? Math.max(BASELINE_DEFAULTS.auditLockDays, minLogDays), minLogDays, 36500,
      `DPP 3.6 keeps logs at least ${minLogDays} days under profile ${policy.name}`);
    const transitionAfterDays = requireIntegerInRange(NAME, 'transitionAfterDays', props.transitionAfterDays ?? BASELINE_DEFAULTS.auditTransitionDays, 30, 36500, 'S3 transitions need 30 days or more');
    const maxKeep = provisionedDefaults(policy).nonPiiExpirationDays;
    const expireAfterDays = props.expireAfterDays ?? maxKeep;
    if (expireAfterDays !== undefined) requireIntegerInRange(NAME, 'expireAfterDays', expireAfterDays, lockDays, maxKeep ?? 36500, `after the lock ends, within profile ${policy.name}'s non-PII retention`);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;

    const stack = Stack.of(this);
    const { partition, region, account } = stack;
    const trailArn = `arn:${partition}:cloudtrail:${region}:${account}:trail/${trailName}`;

    this.encryptionKey = props.encryptionKey ?? new kms.Key(this, 'Key', {
      description: `DPP 3.6: encrypts the log files of CloudTrail trail ${trailName} and its log group`,
      enableKeyRotation: true,
      removalPolicy,
      pendingWindow: Duration.days(30),
    });
    this.allowCloudTrailAndLogs(trailArn);

    this.accessLogsBucket = props.accessLogsBucket ?? this.makeAccessLogsBucket(removalPolicy);

    this.bucket = new s3.Bucket(this, 'Bucket', {
      versioned: true,
      objectLockEnabled: true,
      objectLockDefaultRetention: (props.lockMode ?? AuditLogLockMode.GOVERNANCE) === AuditLogLockMode.COMPLIANCE
        ? s3.ObjectLockRetention.compliance(Duration.days(lockDays))
        : s3.ObjectLockRetention.governance(Duration.days(lockDays)),
      // Log files are KMS-encrypted by CloudTrail itself (KmsKeyId); the bucket default covers digest files.
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{
        id: 'CheaperStorageForOlderLogs',
        transitions: [{ storageClass: s3.StorageClass.GLACIER_INSTANT_RETRIEVAL, transitionAfter: Duration.days(transitionAfterDays) }],
        noncurrentVersionTransitions: [{ storageClass: s3.StorageClass.GLACIER_INSTANT_RETRIEVAL, transitionAfter: Duration.days(transitionAfterDays) }],
      }, ...(expireAfterDays === undefined ? [] : [{
        id: 'DeleteAfterRetention',
        expiration: Duration.days(expireAfterDays),
        // Expiry turns the current version non-current; its lock ended long before, so it goes a day later.
        noncurrentVersionExpiration: Duration.days(1),
      }])],
      removalPolicy,
    });
    tagStore(this.bucket, 'confidential');
    logServerAccess(this.bucket, this.accessLogsBucket, `${trailName}/`);
    acknowledgeNag(this.bucket, 'NIST.800.53.R5-S3DefaultEncryptionKMS',
      'CloudTrail encrypts every log file with the trail\'s customer-managed key itself (the trail\'s KmsKeyId), so the logs are KMS-encrypted whatever the bucket default. ' +
      'The SSE-S3 default covers only the digest files, which hold hashes and signatures rather than events, in a bucket that is object-locked, private, TLS-only and access-logged.');
    acknowledgeNoReplication(this.bucket,
      'The log files are object-locked and versioned, so neither an administrator nor an intruder can delete or overwrite them before the lock ends (DPP 3.6); a replica would need its own lock, key and access policy to be as safe.');

    this.logGroup = new logs.LogGroup(this, 'LogGroup', {
      retention: logRetention,
      encryptionKey: this.encryptionKey,
      removalPolicy: retainExceptOnCreate(removalPolicy),
    });
    tagStore(this.logGroup, 'confidential');

    this.trail = new cloudtrail.Trail(this, 'Trail', {
      trailName,
      bucket: this.bucket,
      encryptionKey: this.encryptionKey,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableFileValidation: true,
      managementEvents: cloudtrail.ReadWriteType.ALL,
      sendToCloudWatchLogs: true,
      cloudWatchLogGroup: this.logGroup,
    });
    acknowledgeInlinePolicy(this.trail, 'the role CloudTrail assumes to deliver events to the trail\'s log group');
  }

  /** Key policy: CloudTrail for this trail only; CloudWatch Logs for this account's log groups only. */
  private allowCloudTrailAndLogs(trailArn: string): void {
    const { partition, region, account } = Stack.of(this);
    const cloudTrail = new iam.ServicePrincipal('cloudtrail.amazonaws.com');
    const fromThisTrail = { 'aws:SourceArn': trailArn, 'aws:SourceAccount': account };
    this.encryptionKey.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'CloudTrailEncryptsThisTrailsLogs',
      principals: [cloudTrail],
      actions: ['kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: {
        StringEquals: fromThisTrail,
        StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': `arn:${partition}:cloudtrail:*:${account}:trail/*` },
      },
    }));
    this.encryptionKey.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'CloudTrailDescribesKey',
      principals: [cloudTrail],
      actions: ['kms:DescribeKey'],
      resources: ['*'],
      conditions: { StringEquals: fromThisTrail },
    }));
    this.encryptionKey.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'CloudWatchLogsEncryptsThisAccountsLogGroups',
      principals: [new iam.ServicePrincipal(`logs.${region}.amazonaws.com`)],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'],
      conditions: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${partition}:logs:${region}:${account}:log-group:*` } },
    }));
  }

  private makeAccessLogsBucket(removalPolicy: RemovalPolicy): s3.Bucket {
    const bucket = newAccessLogsBucket(this, 'AccessLogsBucket', removalPolicy);
    tagStore(bucket, 'internal');
    return bucket;
  }
}

function tagStore(scope: Construct, classification: string): void {
  Tags.of(scope).add(TAG_DATA_ORIGIN, 'internal');
  Tags.of(scope).add(TAG_CLASSIFICATION, classification);
}

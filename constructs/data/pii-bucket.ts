import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { BASELINE_DEFAULTS } from '../../lib/policy/defaults';
import type { PolicyProfile } from '../../lib/policy/profile';
import { logRetentionProblem } from '../../lib/policy/validators';
import { acknowledgeAccessLogsBucket, logServerAccess } from '../audit/server-access-logs';
import { acknowledgeNoReplication } from '../common/nag-acknowledgments';
import { invalidProp, policyFor, requireIntegerInRange, requireValid } from '../common/validate';
import { attributionOf, tagStore, tagSupport } from './attribution';
import { acknowledgeLongRetention, PII_BUCKET_RETENTION_RULE_ID, requirePiiRetention } from './retention';
import { recordCreationTrace } from '../common/creation-trace';

/** Props of {@link PiiBucket}. */
export interface PiiBucketProps {
  /** The customer-managed key that encrypts the objects (DPP 3.4); `EncryptionKeys.data`. */
  readonly encryptionKey: kms.IKey;
  /**
   * Days an object is kept before it expires (DPP 3.1). Above the profile's limit (30) only with `legalBasis`.
   * @default - the profile's PII retention (30)
   */
  readonly retentionDays?: number;
  /**
   * The law that requires keeping PII longer than 30 days (e.g. a tax-record statute). Required
   * when `retentionDays` is above 30; it then becomes the reason of the acknowledgment of the
   * DPP 3.1 retention rule on the bucket.
   * @default - none: retention is capped at 30 days
   */
  readonly legalBasis?: string;
  /**
   * Days a deleted or overwritten object stays recoverable as a non-current version, 1 to 30
   * (DPP 2.8 Request for Deletion or Return).
   * @default 7
   */
  readonly noncurrentVersionRetentionDays?: number;
  /**
   * VPC endpoint IDs object requests must come through (`aws:SourceVpce`); requests from anywhere
   * else are denied, whatever IAM allows (DPP 2.1, 3.6). Amazon Macie's service-linked role is
   * exempt so data-loss-prevention scans keep working (DPP 3.3).
   * @default - no endpoint restriction (TLS and IAM still apply)
   */
  readonly vpcEndpointIds?: readonly string[];
  /**
   * Days the server access logs are kept, at least the profile's log retention (DPP 3.6).
   * @default 365 (or the profile's log retention, if longer)
   */
  readonly accessLogRetentionDays?: number;
  /**
   * The `dpp:data-origin` tag (DPP 2.9).
   * @default 'ecartapi'
   */
  readonly dataOrigin?: string;
  /**
   * Whether the buckets can go with their stack (test environments; deletion still fails while
   * they hold objects: no auto-delete function is installed).
   * @default false - the buckets are retained
   */
  readonly disposable?: boolean;
  /**
   * The policy profile whose thresholds bound the props and set the defaults (README "Policy profiles").
   * @default - the profile in construct context (`dpp:policy`), else `dpp`
   */
  readonly policy?: PolicyProfile;
}

const NAME = 'PiiBucket';
const ACCESS_LOG_PREFIX = 'access-logs/';

/** Object-level actions a VPC-endpoint restriction covers; bucket management (CloudFormation) stays possible. */
const OBJECT_ACTIONS = ['s3:GetObject*', 's3:PutObject*', 's3:DeleteObject*', 's3:RestoreObject', 's3:ListBucket', 's3:ListBucketVersions', 's3:ListMultipartUploadParts', 's3:AbortMultipartUpload'];

/**
 * An S3 bucket for PII:
 *
 * - DPP 3.4 Encryption at Rest: SSE-KMS under a customer-managed key, with S3 bucket keys.
 * - DPP 2.5 Encryption in Transit: a bucket policy denying requests without TLS or below TLS 1.2.
 * - DPP 2.1 Network Protection: all public access blocked, ACLs disabled (bucket owner enforced),
 *   optionally object requests only through given VPC endpoints.
 * - DPP 3.1 Data Retention: objects expire after `retentionDays` (30 by default; more only with a
 *   `legalBasis`, recorded as an acknowledgment).
 * - DPP 2.8 Request for Deletion or Return: versioned, non-current versions expire within 30 days,
 *   expired delete markers and incomplete uploads are cleaned up.
 * - DPP 3.6 Logging and Monitoring: server access logs to a dedicated log bucket. That bucket uses
 *   SSE-S3, because S3 server access logging cannot deliver to SSE-KMS buckets; it is TLS-only,
 *   private, versioned and keeps logs `accessLogRetentionDays` (≥ 90). Access logs name object
 *   keys and requesters, never object contents, so it is classified `internal`: keep PII out of
 *   object keys.
 * - DPP 2.9 Data Attribution: tagged `dpp:classification=pii` and `dpp:data-origin`.
 */
export class PiiBucket extends Construct {
  public readonly bucket: s3.Bucket;
  /** The dedicated server-access-log bucket. */
  public readonly accessLogsBucket: s3.Bucket;
  public readonly retentionDays: number;

  constructor(scope: Construct, id: string, props: PiiBucketProps) {
    super(scope, id);
    recordCreationTrace(this, new.target);
    const policy = policyFor(this, props.policy);
    this.retentionDays = props.retentionDays ?? policy.values.piiRetentionDays;
    const legalBasis = requirePiiRetention(NAME, this.retentionDays, props.legalBasis, policy);
    const noncurrentDays = requireIntegerInRange(NAME, 'noncurrentVersionRetentionDays', props.noncurrentVersionRetentionDays ?? 7, 1, policy.values.deletionRequestDays, 'DPP 2.8');
    const logDays = props.accessLogRetentionDays ?? Math.max(BASELINE_DEFAULTS.accessLogExpirationDays, policy.values.logRetentionDays);
    requireValid(NAME, 'accessLogRetentionDays', logDays, logRetentionProblem(logDays, policy));
    const endpoints = props.vpcEndpointIds ? [...props.vpcEndpointIds] : undefined;
    if (endpoints && endpoints.length === 0) invalidProp(NAME, 'vpcEndpointIds', 'must name at least one endpoint when given (an empty list would deny every object request)');
    const attribution = attributionOf(NAME, props.dataOrigin, 'pii', { origin: 'ecartapi', classification: 'pii' });
    const removalPolicy = props.disposable ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;

    this.accessLogsBucket = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      lifecycleRules: [
        { id: 'LogRetention', expiration: Duration.days(logDays), noncurrentVersionExpiration: Duration.days(logDays), abortIncompleteMultipartUploadAfter: Duration.days(1) },
        { id: 'RemoveExpiredDeleteMarkers', expiredObjectDeleteMarker: true },
      ],
      removalPolicy,
    });
    tagSupport(this, { origin: 'internal', classification: 'internal' });
    acknowledgeAccessLogsBucket(this.accessLogsBucket);

    this.bucket = new s3.Bucket(this, 'Bucket', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: props.encryptionKey,
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      lifecycleRules: [
        {
          id: 'PiiRetention',
          expiration: Duration.days(this.retentionDays),
          noncurrentVersionExpiration: Duration.days(noncurrentDays),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
        { id: 'RemoveExpiredDeleteMarkers', expiredObjectDeleteMarker: true },
      ],
      removalPolicy,
    });
    tagStore(this.bucket, attribution);
    logServerAccess(this.bucket, this.accessLogsBucket, ACCESS_LOG_PREFIX);
    acknowledgeNoReplication(this.bucket,
      'Replication would keep a second copy of the PII in another bucket, which the retention expiry (DPP 3.1 Data Retention) and every deletion request (DPP 2.8 Request for Deletion or Return) would then also have to reach.');

    if (endpoints) this.denyOutsideEndpoints(endpoints);
    if (legalBasis) acknowledgeLongRetention(this.bucket, PII_BUCKET_RETENTION_RULE_ID, this.retentionDays, legalBasis, policy);
  }

  private denyOutsideEndpoints(endpoints: string[]): void {
    const { partition, account } = Stack.of(this);
    this.bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'DenyObjectRequestsOutsideVpcEndpoints',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: OBJECT_ACTIONS,
        resources: [this.bucket.bucketArn, this.bucket.arnForObjects('*')],
        conditions: {
          StringNotEquals: { 'aws:SourceVpce': endpoints },
          ArnNotLike: { 'aws:PrincipalArn': `arn:${partition}:iam::${account}:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie` },
        },
      }),
    );
  }
}

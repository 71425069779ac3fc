import { Duration, Stack, type RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { BASELINE_DEFAULTS } from '../../lib/policy/defaults';
import { policyOf } from '../../lib/policy/context';
import { acknowledgeNag, acknowledgeNoReplication } from '../common/nag-acknowledgments';

/**
 * Turns on S3 server access logging of `source` into `target` under `prefix` (DPP 3.6 Logging and
 * Monitoring), granting the logging service by bucket policy, limited to `source` in this account.
 * Written out rather than through `serverAccessLogsBucket`: without the
 * `@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy` feature flag CDK grants by ACL, which
 * bucket-owner-enforced buckets refuse, and a library cannot rely on its users' feature flags.
 */
export function logServerAccess(source: s3.Bucket, target: s3.IBucket, prefix: string): void {
  (source.node.defaultChild as s3.CfnBucket).loggingConfiguration = { destinationBucketName: target.bucketName, logFilePrefix: prefix };
  target.addToResourcePolicy(new iam.PolicyStatement({
    sid: `AllowServerAccessLogDelivery${prefix.replace(/[^A-Za-z0-9]/g, '')}`,
    principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
    actions: ['s3:PutObject'],
    resources: [target.arnForObjects(`${prefix}*`)],
    conditions: {
      ArnLike: { 'aws:SourceArn': source.bucketArn },
      StringEquals: { 'aws:SourceAccount': Stack.of(source).account },
    },
  }));
}

/**
 * A bucket that receives S3 server access logs (DPP 3.6): SSE-S3 (the only encryption log delivery
 * accepts), TLS-only, private, versioned; logs move to a cheaper storage class after 90 days and
 * expire after a year, or the profile's log retention if longer (the profile in `scope`'s context).
 * Grant delivery to it with {@link logServerAccess}.
 */
export function newAccessLogsBucket(scope: Construct, id: string, removalPolicy: RemovalPolicy): s3.Bucket {
  const keepDays = Math.max(BASELINE_DEFAULTS.accessLogExpirationDays, policyOf(scope).values.logRetentionDays);
  const bucket = new s3.Bucket(scope, id, {
    // S3 server access logging delivers only to buckets encrypted with S3-managed keys.
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    versioned: true,
    lifecycleRules: [{
      id: 'KeepAccessLogsOneYear',
      expiration: Duration.days(keepDays),
      noncurrentVersionExpiration: Duration.days(BASELINE_DEFAULTS.accessLogNoncurrentDays),
      transitions: [{ storageClass: s3.StorageClass.GLACIER_INSTANT_RETRIEVAL, transitionAfter: Duration.days(BASELINE_DEFAULTS.auditTransitionDays) }],
    }],
    removalPolicy,
  });
  acknowledgeAccessLogsBucket(bucket);
  return bucket;
}

/** Acknowledges the NIST 800-53 R5 findings every server-access-log bucket has by design. */
export function acknowledgeAccessLogsBucket(bucket: s3.IBucket): void {
  acknowledgeNag(bucket, 'NIST.800.53.R5-S3DefaultEncryptionKMS',
    'S3 server access logging delivers only to buckets encrypted with S3-managed keys (SSE-KMS destinations are refused), so the logs are encrypted at rest with AES-256 under SSE-S3. ' +
    'They hold request metadata (requester, key, time), never object contents, and the bucket is private, TLS-only and versioned.');
  acknowledgeNoReplication(bucket,
    'The bucket holds access logs that expire on their own schedule; a replica would be a second copy of request metadata to protect and expire, for logs that matter only while an investigation needs them (DPP 3.6).');
}

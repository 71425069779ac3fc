import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';

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

import { requireOneOf } from '../../assert';
import { resourceRule } from '../../types';

/** The bucket's default encryption algorithm (S3 accepts one default-encryption rule). */
export const BUCKET_SSE_ALGORITHM = 'BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault.SSEAlgorithm';

export const S3BucketEncrypted = resourceRule({
  id: 'DPP-3.4-S3BucketEncrypted',
  clause: '3.4',
  level: 'error',
  critical: 'prod-pii',
  resourceTypes: ['AWS::S3::Bucket'],
  description: 'S3 buckets declare default encryption',
  fix: 'Set BucketEncryption with an SSEAlgorithm (aws:kms with a customer-managed key for PII)',
  explanation: 'DPP 3.4 Encryption at Rest requires every store of Information to be encrypted at rest; declaring it makes the template prove it.',
  check: (ctx) => requireOneOf(ctx, BUCKET_SSE_ALGORITHM, ['AES256', 'aws:kms', 'aws:kms:dsse'], (actual) =>
    actual === undefined ? 'bucket encryption is not declared (BucketEncryption has no SSEAlgorithm)' : `bucket encryption algorithm ${String(actual)} is not recognised`),
});

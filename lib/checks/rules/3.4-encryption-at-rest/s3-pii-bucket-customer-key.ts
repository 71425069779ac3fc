import { requireOneOf } from '../../assert';
import { whenClassified } from '../../lookups/classified-store';
import { requireCustomerKey } from '../../lookups/kms-key';
import { resourceRule } from '../../types';
import { piiStatus } from '../../vocabulary';
import { BUCKET_SSE_ALGORITHM } from './s3-bucket-encrypted';

const KEY = 'BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault.KMSMasterKeyID';

export const S3PiiBucketCustomerKey = resourceRule({
  id: 'DPP-3.4-S3PiiBucketCustomerKey',
  clause: '3.4',
  level: 'error',
  resourceTypes: ['AWS::S3::Bucket'],
  description: 'PII buckets are encrypted with aws:kms under a customer-managed KMS key',
  fix: 'Set SSEAlgorithm aws:kms (or aws:kms:dsse) and KMSMasterKeyID to a customer-managed key',
  explanation: 'DPP 3.4 Encryption at Rest requires PII encrypted at rest with keys accessible only to the Developer\'s processes: a customer-managed key\'s policy names them; SSE-S3 and AWS-managed keys cannot.',
  check: (ctx) => whenClassified(ctx, piiStatus(ctx.index, ctx.logicalId), () =>
    requireOneOf(ctx, BUCKET_SSE_ALGORITHM, ['aws:kms', 'aws:kms:dsse'], (actual) =>
      actual === undefined ? 'PII bucket declares no KMS encryption' : `PII bucket is encrypted with ${String(actual)}, not aws:kms`)
    ?? requireCustomerKey(ctx, KEY, 'PII bucket uses the AWS-managed S3 key (KMSMasterKeyID is absent)')),
});

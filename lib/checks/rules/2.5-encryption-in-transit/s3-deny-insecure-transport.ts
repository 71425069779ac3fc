import { requireDenyInsecureTransport, S3_BUCKET_TARGET } from '../../lookups/secure-transport';
import { resourceRule } from '../../types';

export const S3DenyInsecureTransport = resourceRule({
  id: 'DPP-2.5-S3DenyInsecureTransport',
  clause: '2.5',
  level: 'error',
  resourceTypes: ['AWS::S3::Bucket'],
  description: 'S3 buckets have a bucket policy that denies requests without TLS',
  fix: 'Add a bucket policy statement that Denies s3:* to every principal on the bucket and its objects when aws:SecureTransport is false (CDK: enforceSSL: true)',
  explanation: 'DPP 2.5 Encryption in Transit requires all Information to be encrypted in transit (TLS 1.2+) on every endpoint; S3 accepts plain HTTP unless the bucket policy refuses it.',
  check: (ctx) => requireDenyInsecureTransport(ctx, S3_BUCKET_TARGET),
});

import { whenClassified } from '../../lookups/classified-store';
import { requireKmsKey } from '../../lookups/kms-key';
import { resourceRule } from '../../types';
import { piiStatus } from '../../vocabulary';

export const SnsPiiTopicKmsKey = resourceRule({
  id: 'DPP-3.4-SnsPiiTopicKmsKey',
  clause: '3.4',
  level: 'error',
  resourceTypes: ['AWS::SNS::Topic'],
  description: 'SNS topics that hold PII are encrypted with a KMS key',
  fix: 'Set KmsMasterKeyId to a customer-managed KMS key',
  explanation: 'DPP 3.4 Encryption at Rest requires PII encrypted at rest; SNS stores messages until delivered.',
  check: (ctx) => whenClassified(ctx, piiStatus(ctx.index, ctx.logicalId), () =>
    requireKmsKey(ctx, 'KmsMasterKeyId', 'PII topic is not encrypted with a KMS key (KmsMasterKeyId is absent)')),
});

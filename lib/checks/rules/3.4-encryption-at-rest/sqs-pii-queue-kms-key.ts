import { whenClassified } from '../../lookups/classified-store';
import { requireKmsKey } from '../../lookups/kms-key';
import { resourceRule } from '../../types';
import { asBoolean } from '../../values';
import { piiStatus } from '../../vocabulary';

export const SqsPiiQueueKmsKey = resourceRule({
  id: 'DPP-3.4-SqsPiiQueueKmsKey',
  clause: '3.4',
  level: 'error',
  resourceTypes: ['AWS::SQS::Queue'],
  description: 'SQS queues that hold PII are encrypted with a KMS key',
  fix: 'Set KmsMasterKeyId to a customer-managed KMS key',
  explanation: 'DPP 3.4 Encryption at Rest requires PII encrypted at rest under keys accessible only to the Developer\'s processes; SQS-managed encryption (SSE-SQS) uses keys the Developer cannot restrict.',
  check: (ctx) => whenClassified(ctx, piiStatus(ctx.index, ctx.logicalId), () => {
    const managed = ctx.prop('SqsManagedSseEnabled');
    const sseSqs = managed.kind === 'known' && asBoolean(managed.value) === true;
    return requireKmsKey(ctx, 'KmsMasterKeyId', sseSqs
      ? 'PII queue uses SQS-managed encryption (SqsManagedSseEnabled), not a KMS key'
      : 'PII queue is not encrypted with a KMS key (KmsMasterKeyId is absent)');
  }),
});

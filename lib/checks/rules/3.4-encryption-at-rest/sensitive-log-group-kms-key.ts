import { whenClassified } from '../../lookups/classified-store';
import { requireKmsKey } from '../../lookups/kms-key';
import { resourceRule } from '../../types';
import { sensitiveStatus } from '../../vocabulary';

export const SensitiveLogGroupKmsKey = resourceRule({
  id: 'DPP-3.4-SensitiveLogGroupKmsKey',
  clause: '3.4',
  level: 'error',
  resourceTypes: ['AWS::Logs::LogGroup'],
  description: 'Log groups classified pii or confidential are encrypted with a KMS key',
  fix: 'Set KmsKeyId to a customer-managed KMS key whose policy lets CloudWatch Logs use it',
  explanation: 'DPP 3.4 Encryption at Rest requires sensitive Information encrypted at rest under keys accessible only to the Developer\'s processes; CloudWatch Logs\' default encryption uses keys the Developer cannot restrict.',
  check: (ctx) => whenClassified(ctx, sensitiveStatus(ctx.index, ctx.logicalId), () =>
    requireKmsKey(ctx, 'KmsKeyId', 'sensitive log group is not encrypted with a KMS key (KmsKeyId is absent)')),
});

import { STORE_ENCRYPTION_EXPLANATION } from '../../lookups/store-encryption';
import { requireOneOf } from '../../assert';
import { resourceRule } from '../../types';

export const KinesisStreamEncrypted = resourceRule({
  id: 'DPP-3.4-KinesisStreamEncrypted',
  clause: '3.4',
  level: 'error',
  critical: 'prod-pii',
  resourceTypes: ['AWS::Kinesis::Stream'],
  description: 'Kinesis data streams are encrypted with KMS',
  fix: 'Set StreamEncryption { EncryptionType: KMS, KeyId: a customer-managed key }',
  explanation: STORE_ENCRYPTION_EXPLANATION,
  check: (ctx) => requireOneOf(ctx, 'StreamEncryption.EncryptionType', ['KMS'], (actual) =>
    actual === undefined ? 'stream is not encrypted (StreamEncryption is absent)' : `stream encryption type is ${String(actual)}, not KMS`),
});

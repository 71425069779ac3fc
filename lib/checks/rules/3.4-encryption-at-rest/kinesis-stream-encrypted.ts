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
  explanation: 'DPP 3.4 Encryption at Rest requires every store of Information to be encrypted at rest with AES-128 or stronger.',
  check: (ctx) => requireOneOf(ctx, 'StreamEncryption.EncryptionType', ['KMS'], (actual) =>
    actual === undefined ? 'stream is not encrypted (StreamEncryption is absent)' : `stream encryption type is ${String(actual)}, not KMS`),
});

import { requireTrue } from '../../assert';
import { resourceRule } from '../../types';

export const ElastiCacheAtRestEncrypted = resourceRule({
  id: 'DPP-3.4-ElastiCacheAtRestEncrypted',
  clause: '3.4',
  level: 'error',
  critical: 'prod-pii',
  resourceTypes: ['AWS::ElastiCache::ReplicationGroup'],
  description: 'ElastiCache replication groups are encrypted at rest',
  fix: 'Set AtRestEncryptionEnabled: true (with KmsKeyId naming a customer-managed key)',
  explanation: 'DPP 3.4 Encryption at Rest requires every store of Information to be encrypted at rest with AES-128 or stronger.',
  check: (ctx) => requireTrue(ctx, 'AtRestEncryptionEnabled', 'cache is not encrypted at rest (AtRestEncryptionEnabled is not true)'),
});

import { STORE_ENCRYPTION_EXPLANATION } from '../../lookups/store-encryption';
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
  explanation: STORE_ENCRYPTION_EXPLANATION,
  check: (ctx) => requireTrue(ctx, 'AtRestEncryptionEnabled', 'cache is not encrypted at rest (AtRestEncryptionEnabled is not true)'),
});

import { STORE_ENCRYPTION_EXPLANATION } from '../../lookups/store-encryption';
import { isClusterMember } from '../../lookups/database';
import { requireTrue } from '../../assert';
import { resourceRule } from '../../types';

export const RdsStorageEncrypted = resourceRule({
  id: 'DPP-3.4-RdsStorageEncrypted',
  clause: '3.4',
  level: 'error',
  critical: 'prod-pii',
  resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'AWS::DocDB::DBCluster', 'AWS::Neptune::DBCluster'],
  description: 'RDS, Aurora, DocumentDB and Neptune storage is encrypted at rest',
  fix: 'Set StorageEncrypted: true (with KmsKeyId naming a customer-managed key)',
  explanation: STORE_ENCRYPTION_EXPLANATION,
  check: (ctx) => {
    // A DB instance inside an Aurora cluster inherits the cluster's encryption.
    if (isClusterMember(ctx)) return undefined;
    return requireTrue(ctx, 'StorageEncrypted', 'storage is not encrypted (StorageEncrypted is not true)');
  },
});

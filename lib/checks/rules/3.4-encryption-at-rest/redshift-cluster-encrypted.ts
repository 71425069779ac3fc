import { STORE_ENCRYPTION_EXPLANATION } from '../../lookups/store-encryption';
import { requireTrue } from '../../assert';
import { resourceRule } from '../../types';

export const RedshiftClusterEncrypted = resourceRule({
  id: 'DPP-3.4-RedshiftClusterEncrypted',
  clause: '3.4',
  level: 'error',
  critical: 'prod-pii',
  resourceTypes: ['AWS::Redshift::Cluster'],
  description: 'Redshift clusters are encrypted at rest',
  fix: 'Set Encrypted: true (with KmsKeyId naming a customer-managed key)',
  explanation: STORE_ENCRYPTION_EXPLANATION,
  check: (ctx) => requireTrue(ctx, 'Encrypted', 'cluster is not encrypted (Encrypted is not true)'),
});

import { STORE_ENCRYPTION_EXPLANATION } from '../../lookups/store-encryption';
import { requireTrue } from '../../assert';
import { resourceRule } from '../../types';

export const EfsFileSystemEncrypted = resourceRule({
  id: 'DPP-3.4-EfsFileSystemEncrypted',
  clause: '3.4',
  level: 'error',
  critical: 'prod-pii',
  resourceTypes: ['AWS::EFS::FileSystem'],
  description: 'EFS file systems are encrypted at rest',
  fix: 'Set Encrypted: true (with KmsKeyId naming a customer-managed key)',
  explanation: STORE_ENCRYPTION_EXPLANATION,
  check: (ctx) => requireTrue(ctx, 'Encrypted', 'file system is not encrypted (Encrypted is not true)'),
});

import { requireKmsKey } from '../../lookups/kms-key';
import { resourceRule } from '../../types';

export const BackupVaultKmsKey = resourceRule({
  id: 'DPP-3.4-BackupVaultKmsKey',
  clause: '3.4',
  level: 'error',
  resourceTypes: ['AWS::Backup::BackupVault'],
  description: 'Backup vaults name their KMS key',
  fix: 'Set EncryptionKeyArn to a customer-managed KMS key',
  explanation: 'DPP 3.4 Encryption at Rest requires every store of Information (backups included) encrypted at rest under keys accessible only to the Developer\'s processes.',
  check: (ctx) => requireKmsKey(ctx, 'EncryptionKeyArn', 'vault does not name a KMS key (EncryptionKeyArn is absent)'),
});

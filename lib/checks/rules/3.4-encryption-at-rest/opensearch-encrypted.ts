import { requireTrue } from '../../assert';
import { resourceRule } from '../../types';

export const OpenSearchEncryptedAtRest = resourceRule({
  id: 'DPP-3.4-OpenSearchEncryptedAtRest',
  clause: '3.4',
  level: 'error',
  critical: 'prod-pii',
  resourceTypes: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
  description: 'OpenSearch and Elasticsearch domains are encrypted at rest',
  fix: 'Set EncryptionAtRestOptions.Enabled: true (with KmsKeyId naming a customer-managed key)',
  explanation: 'DPP 3.4 Encryption at Rest requires every store of Information to be encrypted at rest with AES-128 or stronger.',
  check: (ctx) => requireTrue(ctx, 'EncryptionAtRestOptions.Enabled', 'domain is not encrypted at rest (EncryptionAtRestOptions.Enabled is not true)'),
});

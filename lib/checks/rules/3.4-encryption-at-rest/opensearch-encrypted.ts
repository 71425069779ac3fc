import { STORE_ENCRYPTION_EXPLANATION } from '../../lookups/store-encryption';
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
  explanation: STORE_ENCRYPTION_EXPLANATION,
  check: (ctx) => requireTrue(ctx, 'EncryptionAtRestOptions.Enabled', 'domain is not encrypted at rest (EncryptionAtRestOptions.Enabled is not true)'),
});

import { requireTrue } from '../../assert';
import { resourceRule } from '../../types';

export const OpenSearchNodeToNodeEncryption = resourceRule({
  id: 'DPP-2.5-OpenSearchNodeToNodeEncryption',
  clause: '2.5',
  level: 'error',
  resourceTypes: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
  description: 'OpenSearch domains encrypt traffic between their nodes',
  fix: 'Set NodeToNodeEncryptionOptions.Enabled: true',
  explanation: 'DPP 2.5 Encryption in Transit applies to internal endpoints too; without node-to-node encryption the domain replicates Information between nodes in clear text.',
  check: (ctx) => requireTrue(ctx, 'NodeToNodeEncryptionOptions.Enabled', 'node-to-node encryption is not enabled (NodeToNodeEncryptionOptions.Enabled is not true)'),
});

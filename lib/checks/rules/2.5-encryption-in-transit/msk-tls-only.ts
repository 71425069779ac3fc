import { requireOneOf, requireTrue } from '../../assert';
import { resourceRule } from '../../types';

const IN_TRANSIT = 'EncryptionInfo.EncryptionInTransit';

// ClientBroker: TLS | TLS_PLAINTEXT | PLAINTEXT, TLS when unset; InCluster: true when unset
// (Amazon MSK API Reference, EncryptionInTransit: https://docs.aws.amazon.com/msk/1.0/apireference/clusters.html#clusters-model-encryptionintransit).
export const MskTlsOnly = resourceRule({
  id: 'DPP-2.5-MskTlsOnly',
  clause: '2.5',
  level: 'error',
  resourceTypes: ['AWS::MSK::Cluster'],
  description: 'MSK clusters encrypt client-broker traffic with TLS only, and traffic between brokers',
  fix: 'Set EncryptionInfo.EncryptionInTransit.ClientBroker: TLS (or leave it unset) and InCluster: true (or leave it unset)',
  explanation: 'DPP 2.5 Encryption in Transit requires all Information to be encrypted in transit on internal endpoints too; TLS_PLAINTEXT or PLAINTEXT lets clients send records in clear text, InCluster false lets brokers replicate them in clear text.',
  check: (ctx) => [
    requireOneOf(ctx, `${IN_TRANSIT}.ClientBroker`, ['TLS'], (actual) => `ClientBroker is ${String(actual)}, which accepts plaintext client connections`, 'pass'),
    requireTrue(ctx, `${IN_TRANSIT}.InCluster`, 'InCluster is false, so brokers exchange data in clear text', true),
  ].filter((v) => v !== undefined),
});

import { MskTlsOnly } from '../../../../lib/checks/rules/2.5-encryption-in-transit/msk-tls-only';
import { findingsOf, parameters } from '../../../helpers/check';

const cluster = (inTransit?: Record<string, unknown>) => findingsOf(MskTlsOnly, { Kafka: { Type: 'AWS::MSK::Cluster', Properties: { ClusterName: 'k', KafkaVersion: '3.6.0', NumberOfBrokerNodes: 2, BrokerNodeGroupInfo: {}, ...(inTransit ? { EncryptionInfo: { EncryptionInTransit: inTransit } } : {}) } } }, parameters('Mode'));

describe('DPP-2.5-MskTlsOnly', () => {
  test.each([['unset (TLS by default)', undefined], ['TLS, in cluster', { ClientBroker: 'TLS', InCluster: true }]])('passes %s', (_, v) => expect(cluster(v)).toEqual([]));
  test.each([
    ['TLS_PLAINTEXT', { ClientBroker: 'TLS_PLAINTEXT' }, /ClientBroker is TLS_PLAINTEXT/],
    ['PLAINTEXT', { ClientBroker: 'PLAINTEXT' }, /ClientBroker is PLAINTEXT/],
    ['InCluster false', { InCluster: false }, /brokers exchange data in clear text/],
  ])('fails %s', (_, v, message) => expect(cluster(v)).toEqual([expect.objectContaining({ level: 'error', message: expect.stringMatching(message) })]));
  test('warns when ClientBroker is a parameter', () => expect(cluster({ ClientBroker: { Ref: 'Mode' } })).toEqual([expect.objectContaining({ level: 'warning' })]));
});

import { ElastiCacheTransitEncryption } from '../../../../lib/checks/rules/2.5-encryption-in-transit/elasticache-transit-encryption';
import { findingsOf, parameters, type Resources } from '../../../helpers/check';

const group = (properties: Record<string, unknown>): Resources => ({ Cache: { Type: 'AWS::ElastiCache::ReplicationGroup', Properties: { ReplicationGroupDescription: 'x', ...properties } } });

describe('DPP-2.5-ElastiCacheTransitEncryption', () => {
  test('passes a replication group with in-transit encryption (mode unset or required)', () => {
    expect(findingsOf(ElastiCacheTransitEncryption, group({ TransitEncryptionEnabled: true }))).toEqual([]);
    expect(findingsOf(ElastiCacheTransitEncryption, group({ TransitEncryptionEnabled: 'true', TransitEncryptionMode: 'required' }))).toEqual([]);
  });

  test('fails a replication group without in-transit encryption', () => {
    const [finding, ...rest] = findingsOf(ElastiCacheTransitEncryption, group({}));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-2.5-ElastiCacheTransitEncryption', clause: '2.5', level: 'error', logicalId: 'Cache', property: 'TransitEncryptionEnabled' });
    expect(finding.message).toMatch(/in-transit encryption is not enabled/);
  });

  test('fails the preferred mode, which still accepts clear-text clients', () => {
    expect(findingsOf(ElastiCacheTransitEncryption, group({ TransitEncryptionEnabled: true, TransitEncryptionMode: 'preferred' }))).toEqual([
      expect.objectContaining({ level: 'error', property: 'TransitEncryptionMode' }),
    ]);
  });

  test('fails a cache cluster without in-transit encryption', () => {
    const resources: Resources = { Node: { Type: 'AWS::ElastiCache::CacheCluster', Properties: { Engine: 'memcached', CacheNodeType: 'cache.t4g.micro', NumCacheNodes: 1 } } };
    expect(findingsOf(ElastiCacheTransitEncryption, resources)).toEqual([expect.objectContaining({ level: 'error', logicalId: 'Node' })]);
  });

  test.each([
    ['a parameter', { Ref: 'Tls' }],
    ['Fn::If', { 'Fn::If': ['IsProd', true, false] }],
  ])('warns when TransitEncryptionEnabled is %s', (_, value) => {
    expect(findingsOf(ElastiCacheTransitEncryption, group({ TransitEncryptionEnabled: value }), parameters('Tls'))).toEqual([
      expect.objectContaining({ level: 'warning', message: expect.stringMatching(/^cannot be verified at synth time: TransitEncryptionEnabled/) }),
    ]);
  });
});

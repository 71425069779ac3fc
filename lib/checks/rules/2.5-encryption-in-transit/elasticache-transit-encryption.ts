import { requireOneOf, requireTrue } from '../../assert';
import { resourceRule } from '../../types';

export const ElastiCacheTransitEncryption = resourceRule({
  id: 'DPP-2.5-ElastiCacheTransitEncryption',
  clause: '2.5',
  level: 'error',
  resourceTypes: ['AWS::ElastiCache::ReplicationGroup', 'AWS::ElastiCache::CacheCluster'],
  description: 'ElastiCache requires TLS for every connection (TransitEncryptionEnabled, mode required)',
  fix: 'Set TransitEncryptionEnabled: true (and TransitEncryptionMode: required, or leave it unset); for Redis/Valkey use a replication group, which supports TLS',
  explanation: 'DPP 2.5 Encryption in Transit requires all Information to be encrypted in transit on internal endpoints too; a cache without in-transit encryption serves its data in clear text.',
  check: (ctx) =>
    requireTrue(ctx, 'TransitEncryptionEnabled', 'in-transit encryption is not enabled (TransitEncryptionEnabled is not true)') ??
    requireOneOf(ctx, 'TransitEncryptionMode', ['required'], (mode) => `TransitEncryptionMode is ${String(mode)}, which still accepts unencrypted connections`, 'pass'),
});

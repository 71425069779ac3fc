import { ElastiCacheAtRestEncrypted } from '../../../../lib/checks/rules/3.4-encryption-at-rest/elasticache-encrypted';
import { describePropertyRule } from '../../../helpers/rule-expectations';

describePropertyRule(ElastiCacheAtRestEncrypted, 'AWS::ElastiCache::ReplicationGroup', 'AtRestEncryptionEnabled', { good: 'true', bad: false }, /cache is not encrypted at rest/);

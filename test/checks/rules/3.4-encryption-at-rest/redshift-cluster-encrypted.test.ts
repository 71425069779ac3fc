import { RedshiftClusterEncrypted } from '../../../../lib/checks/rules/3.4-encryption-at-rest/redshift-cluster-encrypted';
import { describePropertyRule } from '../../../helpers/rule-expectations';

describePropertyRule(RedshiftClusterEncrypted, 'AWS::Redshift::Cluster', 'Encrypted', { good: true, bad: false }, /cluster is not encrypted/);

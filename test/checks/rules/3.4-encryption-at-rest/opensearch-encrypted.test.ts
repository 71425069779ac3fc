import { OpenSearchEncryptedAtRest } from '../../../../lib/checks/rules/3.4-encryption-at-rest/opensearch-encrypted';
import { describePropertyRule } from '../../../helpers/rule-expectations';

describePropertyRule(OpenSearchEncryptedAtRest, 'AWS::OpenSearchService::Domain', 'EncryptionAtRestOptions.Enabled', { good: true, bad: false }, /domain is not encrypted at rest/);
describePropertyRule(OpenSearchEncryptedAtRest, 'AWS::Elasticsearch::Domain', 'EncryptionAtRestOptions.Enabled', { good: true, bad: false }, /domain is not encrypted at rest/);

import { SnsPiiTopicKmsKey } from '../../../../lib/checks/rules/3.4-encryption-at-rest/sns-pii-topic-kms-key';
import { findingsOf, parameters } from '../../../helpers/check';
import { expectOneFailure, expectOneUnresolvable } from '../../../helpers/rule-expectations';

const topic = (key: unknown, classification = 'pii') => ({
  Key: { Type: 'AWS::KMS::Key', Properties: {} },
  T: { Type: 'AWS::SNS::Topic', Properties: { KmsMasterKeyId: key, Tags: [{ Key: 'dpp:classification', Value: classification }] } },
});

describe('DPP-3.4-SnsPiiTopicKmsKey', () => {
  test('passes a PII topic under a key of the template', () => {
    expect(findingsOf(SnsPiiTopicKmsKey, topic({ 'Fn::GetAtt': ['Key', 'Arn'] }))).toEqual([]);
  });

  test('ignores topics that are not PII', () => {
    expect(findingsOf(SnsPiiTopicKmsKey, topic(undefined, 'internal'))).toEqual([]);
  });

  test('fails an unencrypted PII topic', () => {
    expectOneFailure(findingsOf(SnsPiiTopicKmsKey, topic(undefined)), SnsPiiTopicKmsKey, 'T', /PII topic is not encrypted with a KMS key/);
  });

  test('accepts the AWS-managed key with a warning', () => {
    expectOneFailure(findingsOf(SnsPiiTopicKmsKey, topic('alias/aws/sns')), SnsPiiTopicKmsKey, 'T', /AWS-managed key alias\/aws\/sns; prefer a customer-managed key/, 'warning');
  });

  test('warns when the key is a parameter', () => {
    expectOneUnresolvable(findingsOf(SnsPiiTopicKmsKey, topic({ Ref: 'KeyId' } as never), parameters('KeyId')), 'KmsMasterKeyId');
  });
});

import { SensitiveLogGroupKmsKey } from '../../../../lib/checks/rules/3.4-encryption-at-rest/sensitive-log-group-kms-key';
import { findingsOf, parameters } from '../../../helpers/check';
import { expectOneFailure, expectOneUnresolvable } from '../../../helpers/rule-expectations';

const group = (key: unknown, classification: unknown = 'confidential') => ({
  Key: { Type: 'AWS::KMS::Key', Properties: {} },
  L: { Type: 'AWS::Logs::LogGroup', Properties: { KmsKeyId: key, Tags: [{ Key: 'dpp:classification', Value: classification }] } },
});

describe('DPP-3.4-SensitiveLogGroupKmsKey', () => {
  test('passes a confidential log group under a key of the template', () => {
    expect(findingsOf(SensitiveLogGroupKmsKey, group({ 'Fn::GetAtt': ['Key', 'Arn'] }))).toEqual([]);
  });

  test('ignores internal log groups', () => {
    expect(findingsOf(SensitiveLogGroupKmsKey, group(undefined, 'internal'))).toEqual([]);
  });

  test.each(['pii', 'confidential'])('fails an unencrypted %s log group', (classification) => {
    expectOneFailure(findingsOf(SensitiveLogGroupKmsKey, group(undefined, classification)), SensitiveLogGroupKmsKey, 'L', /sensitive log group is not encrypted with a KMS key/);
  });

  test('warns when the key is a parameter', () => {
    expectOneUnresolvable(findingsOf(SensitiveLogGroupKmsKey, group({ Ref: 'KeyArn' }), parameters('KeyArn')), 'KmsKeyId');
  });

  test('warns when the classification is a parameter', () => {
    expectOneUnresolvable(findingsOf(SensitiveLogGroupKmsKey, group(undefined, { Ref: 'Class' }), parameters('Class')), 'Tags');
  });
});

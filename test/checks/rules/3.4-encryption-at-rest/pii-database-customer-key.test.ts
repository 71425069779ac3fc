import { PiiDatabaseCustomerKey } from '../../../../lib/checks/rules/3.4-encryption-at-rest/pii-database-customer-key';
import { findingsOf, parameters } from '../../../helpers/check';
import { expectOneFailure, expectOneUnresolvable } from '../../../helpers/rule-expectations';

const PII = [{ Key: 'dpp:classification', Value: 'pii' }];
const KEY = { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true } };
const cluster = (properties: Record<string, unknown>) => ({ Db: { Type: 'AWS::RDS::DBCluster', Properties: { Engine: 'aurora-postgresql', StorageEncrypted: true, Tags: PII, ...properties } } });

describe('DPP-3.4-PiiDatabaseCustomerKey', () => {
  test('passes a PII cluster under a customer key of the template', () => {
    expect(findingsOf(PiiDatabaseCustomerKey, { Key: KEY, ...cluster({ KmsKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] } }) })).toEqual([]);
  });

  test('does not apply to databases that are not PII, nor to cluster members', () => {
    expect(findingsOf(PiiDatabaseCustomerKey, cluster({ Tags: [{ Key: 'dpp:classification', Value: 'internal' }] }))).toEqual([]);
    expect(findingsOf(PiiDatabaseCustomerKey, { Member: { Type: 'AWS::RDS::DBInstance', Properties: { DBClusterIdentifier: { Ref: 'Db' }, Tags: PII } } })).toEqual([]);
  });

  test('fails a PII cluster on the AWS-managed key', () => {
    expectOneFailure(findingsOf(PiiDatabaseCustomerKey, cluster({})), PiiDatabaseCustomerKey, 'Db', /AWS-managed aws\/rds key \(KmsKeyId is absent\)/);
    expectOneFailure(findingsOf(PiiDatabaseCustomerKey, cluster({ KmsKeyId: 'alias/aws/rds' })), PiiDatabaseCustomerKey, 'Db', /AWS-managed key alias\/aws\/rds/);
  });

  test.each([
    ['a parameter', { Ref: 'Key' }],
    ['Fn::If', { 'Fn::If': ['UseCmk', 'arn:aws:kms:eu-west-1:111111111111:key/abc', { Ref: 'AWS::NoValue' }] }],
  ])('warns when the key is %s', (_, value) => {
    expectOneUnresolvable(findingsOf(PiiDatabaseCustomerKey, cluster({ KmsKeyId: value }), parameters('Key')), 'KmsKeyId');
  });

  test('warns when the classification itself is an intrinsic', () => {
    expectOneUnresolvable(findingsOf(PiiDatabaseCustomerKey, cluster({ Tags: [{ Key: 'dpp:classification', Value: { Ref: 'Class' } }] }), parameters('Class')), 'Tags.dpp:classification');
  });
});

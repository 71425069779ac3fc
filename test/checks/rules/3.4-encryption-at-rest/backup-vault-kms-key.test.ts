import { BackupVaultKmsKey } from '../../../../lib/checks/rules/3.4-encryption-at-rest/backup-vault-kms-key';
import { findingsOf, parameters } from '../../../helpers/check';
import { expectOneFailure, expectOneUnresolvable } from '../../../helpers/rule-expectations';

const vault = (key: unknown) => ({
  Key: { Type: 'AWS::KMS::Key', Properties: {} },
  V: { Type: 'AWS::Backup::BackupVault', Properties: { BackupVaultName: 'v', EncryptionKeyArn: key } },
});

describe('DPP-3.4-BackupVaultKmsKey', () => {
  test('passes a vault under a key of the template', () => {
    expect(findingsOf(BackupVaultKmsKey, vault({ 'Fn::GetAtt': ['Key', 'Arn'] }))).toEqual([]);
  });

  test('passes a vault under a key ARN built with Fn::Sub', () => {
    expect(findingsOf(BackupVaultKmsKey, vault({ 'Fn::Sub': 'arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/${Key}' }))).toEqual([]);
  });

  test('fails a vault without a key', () => {
    expectOneFailure(findingsOf(BackupVaultKmsKey, vault(undefined)), BackupVaultKmsKey, 'V', /vault does not name a KMS key/);
  });

  test('warns when the key is a parameter', () => {
    expectOneUnresolvable(findingsOf(BackupVaultKmsKey, vault({ Ref: 'KeyArn' }), parameters('KeyArn')), 'EncryptionKeyArn');
  });

  test('warns when the key is a reference to something that is not a key', () => {
    const resources = { ...vault({ 'Fn::GetAtt': ['Custom', 'KeyArn'] }), Custom: { Type: 'Custom::KeyMaker', Properties: {} } };
    expectOneUnresolvable(findingsOf(BackupVaultKmsKey, resources), 'EncryptionKeyArn');
  });
});

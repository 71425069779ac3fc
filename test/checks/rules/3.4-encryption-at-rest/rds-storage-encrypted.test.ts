import { RdsStorageEncrypted } from '../../../../lib/checks/rules/3.4-encryption-at-rest/rds-storage-encrypted';
import { findingsOf, parameters } from '../../../helpers/check';

describe('DPP-3.4-RdsStorageEncrypted', () => {
  test('passes an encrypted instance', () => {
    expect(findingsOf(RdsStorageEncrypted, { Db: { Type: 'AWS::RDS::DBInstance', Properties: { StorageEncrypted: true } } })).toEqual([]);
  });

  test('passes an Aurora cluster member (the cluster decides)', () => {
    expect(findingsOf(RdsStorageEncrypted, { Db: { Type: 'AWS::RDS::DBInstance', Properties: { DBClusterIdentifier: 'c' } } })).toEqual([]);
  });

  test('fails an unencrypted cluster, naming the property and the fix', () => {
    const [finding, ...rest] = findingsOf(RdsStorageEncrypted, { Db: { Type: 'AWS::RDS::DBCluster', Properties: { StorageEncrypted: 'false' } } });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-3.4-RdsStorageEncrypted', clause: '3.4', level: 'error', logicalId: 'Db', property: 'StorageEncrypted' });
    expect(finding.message).toMatch(/Fix: Set StorageEncrypted: true/);
  });

  test('fails when StorageEncrypted is missing', () => {
    expect(findingsOf(RdsStorageEncrypted, { Db: { Type: 'AWS::RDS::DBInstance', Properties: {} } })).toHaveLength(1);
  });

  test.each([
    ['a parameter', { Ref: 'Encrypt' }],
    ['Fn::If', { 'Fn::If': ['IsProd', true, false] }],
  ])('warns when the value is %s', (_, value) => {
    const findings = findingsOf(RdsStorageEncrypted, { Db: { Type: 'AWS::RDS::DBInstance', Properties: { StorageEncrypted: value } } }, parameters('Encrypt'));
    expect(findings).toEqual([expect.objectContaining({ level: 'warning', message: expect.stringMatching(/^cannot be verified at synth time: StorageEncrypted/) })]);
  });
});

import { KmsKeyRotation } from '../../../../lib/checks/rules/3.4-encryption-at-rest/kms-key-rotation';
import { findingsOf, parameters } from '../../../helpers/check';
import { describePropertyRule, expectOneFailure, expectOneUnresolvable } from '../../../helpers/rule-expectations';

describePropertyRule(KmsKeyRotation, 'AWS::KMS::Key', 'EnableKeyRotation', { good: true, bad: false }, /automatic key rotation is not enabled/);

describe('DPP-3.4-KmsKeyRotation by key spec and origin', () => {
  test('ignores asymmetric and HMAC keys, which cannot rotate automatically', () => {
    expect(findingsOf(KmsKeyRotation, {
      A: { Type: 'AWS::KMS::Key', Properties: { KeySpec: 'RSA_2048' } },
      H: { Type: 'AWS::KMS::Key', Properties: { KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' } },
    })).toEqual([]);
  });

  test('fails a SYMMETRIC_DEFAULT key without rotation', () => {
    expectOneFailure(findingsOf(KmsKeyRotation, { K: { Type: 'AWS::KMS::Key', Properties: { KeySpec: 'SYMMETRIC_DEFAULT' } } }), KmsKeyRotation, 'K', /rotation is not enabled/);
  });

  test('warns (as a failure at warning level) on imported key material', () => {
    expectOneFailure(findingsOf(KmsKeyRotation, { K: { Type: 'AWS::KMS::Key', Properties: { Origin: 'EXTERNAL' } } }), KmsKeyRotation, 'K', /EXTERNAL.*rotate it by hand/, 'warning');
  });

  test('warns when the key spec is a parameter', () => {
    expectOneUnresolvable(findingsOf(KmsKeyRotation, { K: { Type: 'AWS::KMS::Key', Properties: { KeySpec: { Ref: 'Spec' }, EnableKeyRotation: true } } }, parameters('Spec')), 'KeySpec');
  });
});

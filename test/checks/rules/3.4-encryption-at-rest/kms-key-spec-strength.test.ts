import { KmsKeySpecStrength } from '../../../../lib/checks/rules/3.4-encryption-at-rest/kms-key-spec-strength';
import { findingsOf, parameters } from '../../../helpers/check';
import { expectOneFailure, expectOneUnresolvable } from '../../../helpers/rule-expectations';

const key = (spec: unknown) => ({ K: { Type: 'AWS::KMS::Key', Properties: { KeySpec: spec } } });

describe('DPP-3.4-KmsKeySpecStrength', () => {
  test.each([undefined, 'SYMMETRIC_DEFAULT', 'RSA_2048', 'RSA_4096', 'ECC_NIST_P256', 'ECC_SECG_P256K1', 'HMAC_256', 'SM2'])('passes %s', (spec) => {
    expect(findingsOf(KmsKeySpecStrength, key(spec))).toEqual([]);
  });

  test('fails an RSA key under 2048 bits', () => {
    const finding = expectOneFailure(findingsOf(KmsKeySpecStrength, key('RSA_1024')), KmsKeySpecStrength, 'K', /key spec RSA_1024 is weaker than RSA-2048/);
    expect(finding.property).toBe('KeySpec');
  });

  test('warns on a spec it does not know', () => {
    expectOneFailure(findingsOf(KmsKeySpecStrength, key('QUANTUM_9000')), KmsKeySpecStrength, 'K', /not one this rule knows/, 'warning');
  });

  test.each([
    ['a parameter', { Ref: 'Spec' }],
    ['Fn::If', { 'Fn::If': ['C', 'RSA_2048', 'RSA_4096'] }],
  ])('warns when the spec is %s', (_, spec) => {
    expectOneUnresolvable(findingsOf(KmsKeySpecStrength, key(spec), parameters('Spec')), 'KeySpec');
  });
});

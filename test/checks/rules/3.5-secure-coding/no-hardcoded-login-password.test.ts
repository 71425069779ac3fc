import { NoHardcodedLoginPassword } from '../../../../lib/checks/rules/3.5-secure-coding/no-hardcoded-login-password';
import { findingsOf, parameters } from '../../../helpers/check';
import { expectOneFailure, expectOneUnresolvable } from '../../../helpers/rule-expectations';

const user = (loginProfile: unknown) => ({ U: { Type: 'AWS::IAM::User', Properties: { UserName: 'alice', LoginProfile: loginProfile } } });

describe('DPP-3.5-NoHardcodedLoginPassword', () => {
  test('passes a user without a login profile, and one whose password is a secret reference', () => {
    expect(findingsOf(NoHardcodedLoginPassword, user(undefined))).toEqual([]);
    expect(findingsOf(NoHardcodedLoginPassword, user({ Password: '{{resolve:secretsmanager:alice:SecretString:password}}', PasswordResetRequired: true }))).toEqual([]);
  });

  test('fails a literal password', () => {
    const finding = expectOneFailure(findingsOf(NoHardcodedLoginPassword, user({ Password: 'Welcome1!' })), NoHardcodedLoginPassword, 'U', /LoginProfile\.Password is hardcoded/);
    expect(finding.message).not.toContain('Welcome1!');
  });

  test('warns on a parameter that is not NoEcho', () => {
    expectOneUnresolvable(findingsOf(NoHardcodedLoginPassword, user({ Password: { Ref: 'Pw' } }), parameters('Pw')), 'LoginProfile.Password');
  });

  test('warns when the login profile is an Fn::If', () => {
    expectOneUnresolvable(findingsOf(NoHardcodedLoginPassword, user({ 'Fn::If': ['C', { Password: 'x' }, { Ref: 'AWS::NoValue' }] })), 'LoginProfile.Password');
  });
});

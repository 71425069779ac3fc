import { CognitoPasswordPolicy } from '../../../../lib/checks/rules/2.4-credential-management/cognito-password-policy';
import { findingsOf, parameters } from '../../../helpers/check';

const rule = CognitoPasswordPolicy;
const GOOD = { MinimumLength: 12, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true };
const pool = (passwordPolicy: unknown) => findingsOf(rule, { Pool: { Type: 'AWS::Cognito::UserPool', Properties: { Policies: { PasswordPolicy: passwordPolicy } } } }, parameters('Length'));

describe('DPP-2.4-CognitoPasswordPolicy', () => {
  test('passes a compliant policy (strings included)', () => {
    expect(pool(GOOD)).toEqual([]);
    expect(pool({ ...GOOD, MinimumLength: '16', RequireSymbols: 'true' })).toEqual([]);
  });

  test('fails a short minimum length', () => {
    const [finding, ...rest] = pool({ ...GOOD, MinimumLength: 8 });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-2.4-CognitoPasswordPolicy', clause: '2.4', level: 'error', logicalId: 'Pool', property: 'Policies.PasswordPolicy.MinimumLength' });
    expect(finding.message).toMatch(/^the minimum password length is 8, below 12; profile dpp requires at least 12\. Fix: /);
  });

  test('fails each character class not required', () => {
    const findings = pool({ MinimumLength: 12, RequireUppercase: true, RequireLowercase: 'false' });
    expect(findings.map((f) => f.property)).toEqual(['Policies.PasswordPolicy.RequireLowercase', 'Policies.PasswordPolicy.RequireNumbers', 'Policies.PasswordPolicy.RequireSymbols']);
  });

  test('fails a pool with no password policy (Cognito defaults to 8 characters)', () => {
    expect(findingsOf(rule, { Pool: { Type: 'AWS::Cognito::UserPool', Properties: {} } })).toHaveLength(5);
  });

  test('warns when a value or the whole policy is an intrinsic', () => {
    expect(pool({ ...GOOD, MinimumLength: { Ref: 'Length' } })).toEqual([expect.objectContaining({ level: 'warning', property: 'Policies.PasswordPolicy.MinimumLength' })]);
    expect(pool({ 'Fn::If': ['Prod', GOOD, {}] }).every((f) => f.level === 'warning')).toBe(true);
  });
});

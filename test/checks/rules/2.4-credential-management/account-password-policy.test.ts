import { AccountPasswordPolicy } from '../../../../lib/checks/rules/2.4-credential-management/account-password-policy';
import { findingsOf, parameters } from '../../../helpers/check';

const rule = AccountPasswordPolicy;
const GOOD = {
  ServiceToken: { 'Fn::GetAtt': ['Provider', 'Arn'] },
  MinimumPasswordLength: 14, RequireSymbols: true, RequireNumbers: true, RequireUppercaseCharacters: true, RequireLowercaseCharacters: true,
  MaxPasswordAge: 90, PasswordReusePrevention: 24,
};
const policy = (props: Record<string, unknown>) =>
  findingsOf(rule, { Provider: { Type: 'AWS::Lambda::Function' }, Pw: { Type: 'Custom::AccountPasswordPolicy', Properties: { ...GOOD, ...props } } }, parameters('Length'));

describe('DPP-2.4-AccountPasswordPolicy', () => {
  test('passes a compliant policy, with numbers and booleans as strings too', () => {
    expect(policy({})).toEqual([]);
    expect(policy({ MinimumPasswordLength: '12', RequireSymbols: 'true', MaxPasswordAge: '365', PasswordReusePrevention: '1' })).toEqual([]);
  });

  test('fails a short minimum length, naming it', () => {
    const [finding, ...rest] = policy({ MinimumPasswordLength: '8' });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-2.4-AccountPasswordPolicy', clause: '2.4', level: 'error', logicalId: 'Pw', property: 'MinimumPasswordLength' });
    expect(finding.message).toMatch(/^the minimum password length is 8, below 12; profile dpp requires at least 12\. Fix: /);
  });

  test.each([
    ['RequireSymbols', false, /RequireSymbols is not true/],
    ['RequireUppercaseCharacters', 'false', /RequireUppercaseCharacters is not true/],
    ['RequireLowercaseCharacters', undefined, /RequireLowercaseCharacters is not true/],
    ['MaxPasswordAge', undefined, /passwords never expire/],
    ['MaxPasswordAge', 0, /MaxPasswordAge is 0, outside 1 to 365/],
    ['MaxPasswordAge', '400', /MaxPasswordAge is 400/],
    ['PasswordReusePrevention', undefined, /reuse is not prevented/],
    ['PasswordReusePrevention', 0, /PasswordReusePrevention is 0/],
    ['MinimumPasswordLength', undefined, /not set \(IAM default 8\)/],
  ])('fails %s = %p', (property, value, message) => {
    expect(policy({ [property]: value })).toEqual([expect.objectContaining({ level: 'error', property, message: expect.stringMatching(message) })]);
  });

  test('reports every failing property of an empty policy', () => {
    const findings = findingsOf(rule, { Pw: { Type: 'Custom::AccountPasswordPolicy', Properties: { ServiceToken: 'arn:aws:lambda:eu-west-1:1:function:f' } } });
    expect(findings).toHaveLength(7);
  });

  test('warns when a value is an intrinsic', () => {
    expect(policy({ MinimumPasswordLength: { Ref: 'Length' } })).toEqual([expect.objectContaining({ level: 'warning', property: 'MinimumPasswordLength', message: expect.stringMatching(/^cannot be verified at synth time: MinimumPasswordLength/) })]);
    expect(policy({ RequireSymbols: { 'Fn::If': ['Strict', true, false] } })).toEqual([expect.objectContaining({ level: 'warning', property: 'RequireSymbols' })]);
  });
});

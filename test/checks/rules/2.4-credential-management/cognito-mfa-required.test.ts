import { CognitoMfaRequired } from '../../../../lib/checks/rules/2.4-credential-management/cognito-mfa-required';
import { findingsOf, parameters } from '../../../helpers/check';

const rule = CognitoMfaRequired;
const pool = (Properties: Record<string, unknown>) => findingsOf(rule, { Pool: { Type: 'AWS::Cognito::UserPool', Properties } }, parameters('Mfa'));

describe('DPP-2.4-CognitoMfaRequired', () => {
  test('passes MfaConfiguration ON', () => {
    expect(pool({ MfaConfiguration: 'ON', EnabledMfas: ['SOFTWARE_TOKEN_MFA'] })).toEqual([]);
  });

  test.each([['OPTIONAL', /MFA is OPTIONAL, not ON/], ['OFF', /MFA is OFF, not ON/], [undefined, /MFA is off \(MfaConfiguration not set\)/]])('fails %p', (mode, message) => {
    const [finding, ...rest] = pool({ MfaConfiguration: mode });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-2.4-CognitoMfaRequired', clause: '2.4', level: 'error', logicalId: 'Pool', property: 'MfaConfiguration' });
    expect(finding.message).toMatch(message);
  });

  test('warns when the value is an intrinsic', () => {
    expect(pool({ MfaConfiguration: { Ref: 'Mfa' } })).toEqual([expect.objectContaining({ level: 'warning', property: 'MfaConfiguration' })]);
    expect(pool({ MfaConfiguration: { 'Fn::If': ['Prod', 'ON', 'OPTIONAL'] } })).toEqual([expect.objectContaining({ level: 'warning' })]);
  });
});

import { CognitoThreatProtection } from '../../../../lib/checks/rules/2.2-access-management/cognito-threat-protection';
import { findingsOf, parameters } from '../../../helpers/check';

const rule = CognitoThreatProtection;
const pool = (Properties: Record<string, unknown>) => findingsOf(rule, { Pool: { Type: 'AWS::Cognito::UserPool', Properties } }, parameters('Mode'));

describe('DPP-2.2-CognitoThreatProtection', () => {
  test('passes a Plus pool with threat protection enforced', () => {
    expect(pool({ UserPoolTier: 'PLUS', UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' } })).toEqual([]);
  });

  test('fails threat protection in audit mode', () => {
    const [finding, ...rest] = pool({ UserPoolTier: 'PLUS', UserPoolAddOns: { AdvancedSecurityMode: 'AUDIT' } });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-2.2-CognitoThreatProtection', clause: '2.2', level: 'error', logicalId: 'Pool', property: 'UserPoolAddOns.AdvancedSecurityMode' });
    expect(finding.message).toMatch(/^threat protection is AUDIT, not ENFORCED\. Fix: /);
  });

  test('fails a pool with no add-ons on the default plan, naming both', () => {
    const findings = pool({});
    expect(findings.map((f) => f.property)).toEqual(['UserPoolAddOns.AdvancedSecurityMode', 'UserPoolTier']);
    expect(findings[1].message).toMatch(/default \(ESSENTIALS\) feature plan/);
  });

  test('fails ENFORCED on the Essentials plan', () => {
    expect(pool({ UserPoolTier: 'ESSENTIALS', UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' } })).toEqual([expect.objectContaining({ level: 'error', property: 'UserPoolTier' })]);
  });

  test('warns when the mode is an intrinsic', () => {
    expect(pool({ UserPoolTier: 'PLUS', UserPoolAddOns: { AdvancedSecurityMode: { Ref: 'Mode' } } })).toEqual([expect.objectContaining({ level: 'warning', property: 'UserPoolAddOns.AdvancedSecurityMode' })]);
    expect(pool({ UserPoolTier: 'PLUS', UserPoolAddOns: { 'Fn::If': ['Prod', { AdvancedSecurityMode: 'ENFORCED' }, { Ref: 'AWS::NoValue' }] } })).toEqual([expect.objectContaining({ level: 'warning' })]);
  });
});

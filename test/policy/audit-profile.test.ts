import { evaluate } from '../../lib/audit/run';
import { ALL_AUDIT_CHECKS } from '../../lib/audit/checks';
import { AccountPasswordPolicy } from '../../lib/checks/rules/2.4-credential-management/account-password-policy';
import { DPP, DPP_2025 } from '../../lib/policy/profile';
import { findingsOf as templateFindings } from '../helpers/check';
import { available, SETTINGS, snapshot, STRONG_POLICY } from '../audit/snapshots';

/**
 * `dpp audit --profile` applies the same password numbers, at the same levels, as the template
 * rule DPP-2.4-AccountPasswordPolicy under that profile.
 */
const REMEMBERS_FIVE = { ...STRONG_POLICY, PasswordReusePrevention: 5 };

function auditFindings(policy: typeof DPP) {
  return evaluate(snapshot({ passwordPolicy: available(REMEMBERS_FIVE) }), { ...SETTINGS, policy }, ALL_AUDIT_CHECKS).findings
    .filter((f) => f.checkId.startsWith('DPP-AUDIT-2.4-Password'));
}

function templateVerdicts(policy: typeof DPP) {
  const properties = { MinimumPasswordLength: REMEMBERS_FIVE.MinimumPasswordLength, RequireUppercaseCharacters: true, RequireLowercaseCharacters: true, RequireNumbers: true, RequireSymbols: true, MaxPasswordAge: REMEMBERS_FIVE.MaxPasswordAge, PasswordReusePrevention: 5 };
  return templateFindings(AccountPasswordPolicy, { Pw: { Type: 'Custom::AccountPasswordPolicy', Properties: properties } }, {}, policy);
}

describe('password reuse prevention of 5', () => {
  test('passes both paths under dpp', () => {
    expect(auditFindings(DPP)).toEqual([]);
    expect(templateVerdicts(DPP)).toEqual([]);
  });

  test('fails both paths under dpp-2025, at the same level, naming 10', () => {
    const [audit] = auditFindings(DPP_2025);
    const [template] = templateVerdicts(DPP_2025);
    expect(audit).toMatchObject({ checkId: 'DPP-AUDIT-2.4-PasswordReusePrevention', level: 'error', message: expect.stringContaining('profile dpp-2025 requires at least 10') });
    expect(template).toMatchObject({ level: audit.level, property: 'PasswordReusePrevention', message: expect.stringContaining('profile dpp-2025 requires at least 10') });
  });
});

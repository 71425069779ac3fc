import { evaluate } from '../../lib/audit/run';
import { ALL_AUDIT_CHECKS, PROCEDURAL_ITEMS, type AuditCheck } from '../../lib/audit/checks';
import { checks as accessManagement } from '../../lib/audit/checks/2.2-access-management';
import { accessKeyUnused } from '../../lib/audit/checks/2.2-access-management/access-key-unused';
import { consoleAccessUnused } from '../../lib/audit/checks/2.2-access-management/console-access-unused';
import { genericUserName } from '../../lib/audit/checks/2.2-access-management/generic-user-name';
import { rootAccessKeys } from '../../lib/audit/checks/2.2-access-management/root-access-keys';
import { adminPolicyAttached } from '../../lib/audit/checks/2.3-least-privilege/admin-policy-attached';
import { userDirectPolicies } from '../../lib/audit/checks/2.3-least-privilege/user-direct-policies';
import { wildcardAllow } from '../../lib/audit/checks/2.3-least-privilege/wildcard-allow';
import { accessKeyAge } from '../../lib/audit/checks/2.4-credential-management/access-key-age';
import { consoleUserMfa } from '../../lib/audit/checks/2.4-credential-management/console-user-mfa';
import { passwordCharacterClasses } from '../../lib/audit/checks/2.4-credential-management/password-character-classes';
import { passwordExpiry } from '../../lib/audit/checks/2.4-credential-management/password-expiry';
import { passwordLength } from '../../lib/audit/checks/2.4-credential-management/password-length';
import { passwordPolicyPresent } from '../../lib/audit/checks/2.4-credential-management/password-policy-present';
import { passwordReusePrevention } from '../../lib/audit/checks/2.4-credential-management/password-reuse-prevention';
import { rootMfa } from '../../lib/audit/checks/2.4-credential-management/root-mfa';
import type { IamSnapshot } from '../../lib/audit/collect';
import type { AuditSettings } from '../../lib/audit/types';
import { daysAgo } from './accounts';
import { authorization, available, denied, group, policy, role, row, SETTINGS, snapshot, STRONG_POLICY, user } from './snapshots';

function run(check: AuditCheck, snap: IamSnapshot, settings: AuditSettings = SETTINGS) {
  const { findings, notChecked } = evaluate(snap, settings, [check]);
  return { findings, notChecked: notChecked.filter((n) => !n.reason.startsWith('procedural:')) };
}

const findingsOf = (check: AuditCheck, snap: IamSnapshot, settings?: AuditSettings) => run(check, snap, settings).findings;
const reportOf = (...rows: ReturnType<typeof row>[]) => ({ credentialReport: available({ generatedAt: undefined, rows }) });

describe('the check catalogue', () => {
  test('IDs are unique, named DPP-AUDIT-<clause>-<Name>, and match their clause', () => {
    const ids = ALL_AUDIT_CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of ALL_AUDIT_CHECKS) expect(c.id).toMatch(new RegExp(`^DPP-AUDIT-${c.clause.replace('.', '\\.')}-[A-Z][A-Za-z]+$`));
    expect(accessManagement.every((c) => c.clause === '2.2')).toBe(true);
  });

  test('a clean account has no finding, and the procedural items are always listed, never passed', () => {
    const { findings, notChecked } = evaluate(snapshot(), SETTINGS);
    expect(findings).toEqual([]);
    expect(notChecked).toEqual(PROCEDURAL_ITEMS);
    expect(notChecked.map((n) => n.check)).toEqual(['DPP-AUDIT-2.4-PasswordMinimumAge', 'DPP-AUDIT-2.4-PasswordExcludesUserName']);
  });

  test('a check whose source is unavailable is listed under notChecked with the reason; the others still run', () => {
    const { findings, notChecked } = evaluate(snapshot({ passwordPolicy: denied('GetAccountPasswordPolicy'), accountSummary: available({ AccountMFAEnabled: 0 }) }), SETTINGS);
    expect(notChecked.filter((n) => n.reason === 'missing permission iam:GetAccountPasswordPolicy').map((n) => n.check)).toEqual([
      'DPP-AUDIT-2.4-PasswordPolicyPresent', 'DPP-AUDIT-2.4-PasswordLength', 'DPP-AUDIT-2.4-PasswordCharacterClasses', 'DPP-AUDIT-2.4-PasswordExpiry', 'DPP-AUDIT-2.4-PasswordReusePrevention',
    ]);
    expect(findings.map((f) => f.checkId)).toEqual(['DPP-AUDIT-2.4-RootMfa']);
  });

  test('a check that throws is listed under notChecked, and the others still run', () => {
    const broken: AuditCheck = { id: 'DPP-AUDIT-2.2-Broken', clause: '2.2', description: 'breaks', run: () => { throw new Error('unexpected shape'); } };
    const { findings, notChecked } = evaluate(snapshot({ accountSummary: available({ AccountMFAEnabled: 0 }) }), SETTINGS, [broken, rootMfa]);
    expect(notChecked[0]).toEqual({ check: 'DPP-AUDIT-2.2-Broken', reason: 'the check failed: unexpected shape' });
    expect(findings.map((f) => f.checkId)).toEqual(['DPP-AUDIT-2.4-RootMfa']);
  });
});

describe('DPP 2.4 password policy', () => {
  test('no policy: one error, and the detail checks stay quiet', () => {
    const snap = snapshot({ passwordPolicy: available(undefined) });
    expect(findingsOf(passwordPolicyPresent, snap)).toEqual([expect.objectContaining({ checkId: 'DPP-AUDIT-2.4-PasswordPolicyPresent', clause: '2.4', level: 'error', subject: 'account' })]);
    for (const check of [passwordLength, passwordCharacterClasses, passwordExpiry, passwordReusePrevention]) expect(findingsOf(check, snap)).toEqual([]);
  });

  test.each([
    [11, 1],
    [12, 0],
    [undefined, 1],
  ])('minimum length %s gives %i finding(s)', (length, count) => {
    const findings = findingsOf(passwordLength, snapshot({ passwordPolicy: available({ ...STRONG_POLICY, MinimumPasswordLength: length }) }));
    expect(findings).toHaveLength(count);
    if (count) expect(findings[0]!.message).toContain('at least 12');
  });

  test('names every missing character class', () => {
    const findings = findingsOf(passwordCharacterClasses, snapshot({ passwordPolicy: available({ ...STRONG_POLICY, RequireSymbols: false, RequireUppercaseCharacters: undefined }) }));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain('upper-case letters, symbols');
    expect(findings[0]!.message).not.toContain('numbers');
  });

  test.each([
    [undefined, 'never expire'],
    [0, 'never expire'],
    [366, 'after 366 days'],
  ])('max age %s is an error (%s)', (maxAge, text) => {
    const findings = findingsOf(passwordExpiry, snapshot({ passwordPolicy: available({ ...STRONG_POLICY, MaxPasswordAge: maxAge }) }));
    expect(findings).toEqual([expect.objectContaining({ level: 'error' })]);
    expect(findings[0]!.message).toContain(text);
  });

  test('max age 365 passes', () => {
    expect(findingsOf(passwordExpiry, snapshot({ passwordPolicy: available({ ...STRONG_POLICY, MaxPasswordAge: 365 }) }))).toEqual([]);
  });

  test('no reuse prevention is an error, as in the template rule DPP-2.4-AccountPasswordPolicy (one level per profile on both paths)', () => {
    expect(findingsOf(passwordReusePrevention, snapshot({ passwordPolicy: available({ ...STRONG_POLICY, PasswordReusePrevention: undefined }) }))).toEqual([
      expect.objectContaining({ level: 'error', subject: 'account' }),
    ]);
  });
});

describe('root user', () => {
  test('no MFA is a DPP 2.4 error', () => {
    expect(findingsOf(rootMfa, snapshot({ accountSummary: available({ AccountMFAEnabled: 0 }) }))).toEqual([expect.objectContaining({ clause: '2.4', level: 'error', subject: 'account' })]);
    expect(findingsOf(rootMfa, snapshot({ accountSummary: available({}) }))).toHaveLength(1);
  });

  test('access keys are a DPP 2.2 error', () => {
    expect(findingsOf(rootAccessKeys, snapshot({ accountSummary: available({ AccountMFAEnabled: 1, AccountAccessKeysPresent: 1 }) }))).toEqual([
      expect.objectContaining({ clause: '2.2', level: 'error', subject: 'account' }),
    ]);
  });

  test('without GetAccountSummary both are not checked', () => {
    for (const check of [rootMfa, rootAccessKeys]) {
      expect(run(check, snapshot({ accountSummary: denied('GetAccountSummary') })).notChecked).toEqual([{ check: check.id, reason: 'missing permission iam:GetAccountSummary' }]);
    }
  });
});

describe('console users', () => {
  test('a console password without MFA is an error; the root row, MFA users and users without a password are not', () => {
    const snap = snapshot(reportOf(
      row('<root_account>', { passwordEnabled: undefined, mfaActive: false }),
      row('nomfa', { passwordEnabled: true, mfaActive: false }),
      row('withmfa', { passwordEnabled: true, mfaActive: true }),
      row('keysonly', { passwordEnabled: false, mfaActive: false }),
    ));
    expect(findingsOf(consoleUserMfa, snap).map((f) => f.subject)).toEqual(['user/nomfa']);
  });

  test('console access unused beyond --inactive-days', () => {
    const snap = snapshot(reportOf(
      row('recent', { passwordEnabled: true, passwordLastUsed: daysAgo(90) }),
      row('stale', { passwordEnabled: true, passwordLastUsed: daysAgo(91) }),
      row('never-old', { passwordEnabled: true, passwordLastUsed: 'never', passwordLastChanged: daysAgo(100) }),
      row('never-new', { passwordEnabled: true, passwordLastUsed: 'never', passwordLastChanged: daysAgo(10) }),
      row('unknown-old', { passwordEnabled: true, passwordLastUsed: 'unknown', created: daysAgo(4000) }),
      row('no-password', { passwordEnabled: false, passwordLastUsed: daysAgo(400) }),
    ));
    const findings = findingsOf(consoleAccessUnused, snap);
    expect(findings.map((f) => f.subject)).toEqual(['user/stale', 'user/never-old', 'user/unknown-old']);
    expect(findings.every((f) => f.level === 'error' && f.clause === '2.2')).toBe(true);
    expect(findings[1]!.message).toContain('never been used');
    expect(findingsOf(consoleAccessUnused, snap, { ...SETTINGS, inactiveDays: 30 }).map((f) => f.subject)).toContain('user/recent');
  });
});

describe('access keys', () => {
  const key = (slot: 1 | 2, fields: { active?: boolean; lastRotated?: Date; lastUsed?: Date | 'never' | 'unknown' }) => ({ slot, active: true, lastRotated: undefined, lastUsed: 'never' as const, ...fields });

  test('active keys older than --key-max-age-days are DPP 2.4 errors; inactive keys are ignored', () => {
    const snap = snapshot(reportOf(row('svc', {
      accessKeys: [key(1, { lastRotated: daysAgo(91), lastUsed: daysAgo(1) }), key(2, { active: false, lastRotated: daysAgo(500) })],
    }), row('fresh', { accessKeys: [key(1, { lastRotated: daysAgo(90), lastUsed: daysAgo(1) })] })));
    const findings = findingsOf(accessKeyAge, snap);
    expect(findings).toEqual([expect.objectContaining({ subject: 'user/svc', clause: '2.4', level: 'error' })]);
    expect(findings[0]!.message).toContain('Access key 1');
    expect(findingsOf(accessKeyAge, snap, { ...SETTINGS, keyMaxAgeDays: 365 })).toEqual([]);
  });

  test('unused keys: stale use is an error, never used is a warning until it is older than the limit', () => {
    const snap = snapshot(reportOf(row('k', {
      accessKeys: [key(1, { lastRotated: daysAgo(100), lastUsed: daysAgo(95) }), key(2, { lastRotated: daysAgo(5), lastUsed: 'never' })],
    }), row('old-never', { accessKeys: [key(1, { lastRotated: daysAgo(120), lastUsed: 'never' })] }), row('unknown', { accessKeys: [key(1, { lastRotated: daysAgo(3000), lastUsed: 'unknown' })] })));
    const findings = findingsOf(accessKeyUnused, snap);
    expect(findings.map((f) => [f.subject, f.level])).toEqual([['user/k', 'error'], ['user/k', 'warning'], ['user/old-never', 'error']]);
    expect(findings[1]!.message).toContain('Access key 2 has never been used');
  });

  test('without the credential report the user checks are not run', () => {
    for (const check of [consoleUserMfa, consoleAccessUnused, accessKeyAge, accessKeyUnused]) {
      expect(run(check, snapshot({ credentialReport: denied('GenerateCredentialReport') })).notChecked).toEqual([{ check: check.id, reason: 'missing permission iam:GenerateCredentialReport' }]);
    }
  });
});

describe('generic user names (DPP 2.2)', () => {
  test('flags generic names from the authorization details', () => {
    const snap = snapshot({ authorization: available(authorization({ users: ['admin', 'Test-02', 'jane.doe', 'admin-jane', 'shared_user', 'ci-deploy'].map((n) => user(n)) })) });
    expect(findingsOf(genericUserName, snap).map((f) => f.subject)).toEqual(['user/admin', 'user/Test-02', 'user/shared_user']);
  });

  test('falls back to the credential report when the authorization details are denied', () => {
    const snap = snapshot({ authorization: denied('GetAccountAuthorizationDetails'), ...reportOf(row('<root_account>'), row('root1'), row('maria')) });
    expect(findingsOf(genericUserName, snap).map((f) => f.subject)).toEqual(['user/root1']);
  });

  test('with neither source it is not checked, naming both reasons', () => {
    const result = run(genericUserName, snapshot({ authorization: denied('GetAccountAuthorizationDetails'), credentialReport: denied('GetCredentialReport') }));
    expect(result.notChecked[0]!.reason).toBe('missing permission iam:GetAccountAuthorizationDetails; missing permission iam:GetCredentialReport');
  });
});

describe('DPP 2.3 least privilege', () => {
  const everything = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

  test('users with directly attached or inline policies are warnings', () => {
    const snap = snapshot({ authorization: available(authorization({
      users: [user('a', { attached: [{ name: 'ReadOnlyAccess', arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }] }), user('b', { inline: [{ name: 'x', document: {} }] }), user('c', { groups: ['g'] })],
    })) });
    const findings = findingsOf(userDirectPolicies, snap);
    expect(findings.map((f) => [f.subject, f.level])).toEqual([['user/a', 'warning'], ['user/b', 'warning']]);
    expect(findings[0]!.message).toContain('ReadOnlyAccess (managed)');
    expect(findings[1]!.message).toContain('x (inline)');
  });

  test('AdministratorAccess and IAMFullAccess on any principal, in any partition', () => {
    const admin = { name: 'AdministratorAccess', arn: 'arn:aws:iam::aws:policy/AdministratorAccess' };
    const snap = snapshot({ authorization: available(authorization({
      users: [user('u', { attached: [admin] })],
      groups: [group('g', { attached: [{ name: 'IAMFullAccess', arn: 'arn:aws-cn:iam::aws:policy/IAMFullAccess' }] })],
      roles: [role('r', { attached: [admin] }), role('fake', { attached: [{ name: 'AdministratorAccess', arn: 'arn:aws:iam::123456789012:policy/AdministratorAccess' }] })],
    })) });
    expect(findingsOf(adminPolicyAttached, snap).map((f) => f.subject)).toEqual(['user/u', 'group/g', 'role/r']);
  });

  test('*:* allows in inline and attached customer-managed policies; unattached ones are warnings; scoped or denied ones pass', () => {
    const snap = snapshot({ authorization: available(authorization({
      users: [user('u', { inline: [{ name: 'all', document: everything }, { name: 'deny', document: { Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] } }] })],
      roles: [role('r', { attached: [{ name: 'star', arn: 'arn:aws:iam::123456789012:policy/star' }] }), role('scoped', { inline: [{ name: 's3', document: { Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] } }] })],
      groups: [group('g', { inline: [{ name: 'colon', document: { Statement: { Effect: 'Allow', Action: ['*:*'], Resource: ['*'] } } }] })],
      policies: [policy('star', everything, 1), policy('idle', everything, 0), policy('notaction', { Statement: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }] }, 0)],
    })) });
    const findings = findingsOf(wildcardAllow, snap);
    expect(findings.map((f) => [f.subject, f.level])).toEqual([['user/u', 'error'], ['group/g', 'error'], ['role/r', 'error'], ['policy/idle', 'warning']]);
  });

  test('without the authorization details the 2.3 checks are not run', () => {
    for (const check of [userDirectPolicies, adminPolicyAttached, wildcardAllow]) {
      expect(run(check, snapshot({ authorization: denied('GetAccountAuthorizationDetails') })).notChecked).toEqual([{ check: check.id, reason: 'missing permission iam:GetAccountAuthorizationDetails' }]);
    }
  });
});

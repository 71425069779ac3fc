import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuditAbort, createIamClient, exitCodeOf, runAudit, type AuditOptions, type AuditReport } from '../../lib/audit';
import { ACCOUNT_ID, cleanAccount, NOW, problemAccount } from './accounts';
import { accessDenied, IAM_NAMESPACE, queryError, queryResult, startFakeIam, throttling, type FakeAwsEndpoint, type FakeIamAccount, type Override } from './fake-iam-server';

const TEST_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

let endpoint: FakeAwsEndpoint | undefined;
afterEach(async () => {
  await endpoint?.close();
  endpoint = undefined;
});

/** Runs the real client against the fake account: tiny backoff, 3 attempts, millisecond report polls. */
async function audit(account: FakeIamAccount, overrides: Record<string, Override> = {}, options: AuditOptions = {}): Promise<AuditReport> {
  endpoint = await startFakeIam(account, overrides);
  const client = createIamClient({ endpointUrl: endpoint.url, region: 'us-east-1', credentials: TEST_CREDENTIALS, maxAttempts: 3, retryBaseDelayMs: 1 });
  try {
    return await runAudit(client, { now: NOW, reportPollDelayMs: 1, endpointUrl: endpoint.url, ...options });
  } finally {
    client.destroy();
  }
}

const summary = (report: AuditReport) => report.findings.map((f) => `${f.level} ${f.checkId} ${f.subject}`);
const unchecked = (report: AuditReport) => report.notChecked.filter((n) => !n.reason.startsWith('procedural:'));

describe('dpp audit against a local IAM endpoint (real SDK client)', () => {
  test('finds every problem of the problem account, in check order', async () => {
    const report = await audit(problemAccount());
    expect(report.version).toBe(1);
    expect(report.account).toBe(ACCOUNT_ID);
    expect(report.generatedAt).toBe(NOW.toISOString());
    expect(summary(report)).toEqual([
      'error DPP-AUDIT-2.2-RootAccessKeys account',
      'error DPP-AUDIT-2.2-GenericUserName user/admin',
      'error DPP-AUDIT-2.2-GenericUserName user/test01',
      'error DPP-AUDIT-2.2-ConsoleAccessUnused user/bob',
      'error DPP-AUDIT-2.2-ConsoleAccessUnused user/carol',
      'warning DPP-AUDIT-2.2-AccessKeyUnused user/ci-deploy',
      'error DPP-AUDIT-2.2-AccessKeyUnused user/carol',
      'warning DPP-AUDIT-2.3-UserDirectPolicies user/bob',
      'warning DPP-AUDIT-2.3-UserDirectPolicies user/admin',
      'warning DPP-AUDIT-2.3-UserDirectPolicies user/ci-deploy',
      'error DPP-AUDIT-2.3-AdminPolicyAttached user/admin',
      'error DPP-AUDIT-2.3-AdminPolicyAttached role/deploy-role',
      'error DPP-AUDIT-2.3-WildcardAllow user/ci-deploy',
      'error DPP-AUDIT-2.3-WildcardAllow group/ops',
      'warning DPP-AUDIT-2.3-WildcardAllow policy/unused-everything',
      'error DPP-AUDIT-2.4-PasswordLength account',
      'error DPP-AUDIT-2.4-PasswordCharacterClasses account',
      'error DPP-AUDIT-2.4-PasswordExpiry account',
      'error DPP-AUDIT-2.4-PasswordReusePrevention account',
      'error DPP-AUDIT-2.4-RootMfa account',
      'error DPP-AUDIT-2.4-ConsoleUserMfa user/bob',
      'error DPP-AUDIT-2.4-AccessKeyAge user/ci-deploy',
      'error DPP-AUDIT-2.4-AccessKeyAge user/carol',
    ]);
    expect(unchecked(report)).toEqual([]);
    expect(report.notChecked.map((n) => n.check)).toEqual(['DPP-AUDIT-2.4-PasswordMinimumAge', 'DPP-AUDIT-2.4-PasswordExcludesUserName']);
    expect(exitCodeOf(report)).toBe(1);
  });

  test('calls exactly the actions of the documented minimal policy (docs/audit-policy.json)', async () => {
    await audit(problemAccount());
    const policy = JSON.parse(readFileSync(`${__dirname}/../../docs/audit-policy.json`, 'utf8')) as { Statement: { Effect: string; Action: string[]; Resource: string }[] };
    expect(policy.Statement).toHaveLength(1);
    expect(policy.Statement[0]).toMatchObject({ Effect: 'Allow', Resource: '*' });
    expect([...new Set(endpoint!.requests.map((r) => `iam:${r.action}`))].sort()).toEqual([...policy.Statement[0]!.Action].sort());
    expect(policy.Statement[0]!.Action.every((a) => /^iam:(Get|Generate)/.test(a))).toBe(true);
  });

  test('follows GetAccountAuthorizationDetails pages by Marker, with the entity filter', async () => {
    const report = await audit(problemAccount({ pageSize: 2 }));
    const calls = endpoint!.calls('GetAccountAuthorizationDetails');
    expect(calls.length).toBe(Math.ceil((6 + 2 + 3 + 3) / 2));
    expect(calls.map((c) => c.params.Marker)).toEqual([undefined, 'next-2', 'next-4', 'next-6', 'next-8', 'next-10', 'next-12']);
    expect(calls[0]!.params).toMatchObject({ 'Filter.member.1': 'User', 'Filter.member.2': 'Group', 'Filter.member.3': 'Role', 'Filter.member.4': 'LocalManagedPolicy' });
    expect(report.accessReview.users).toHaveLength(6);
    expect(report.accessReview.roles).toHaveLength(3);
  });

  test('retries Throttling through the SDK retry strategy, on a plain call and mid-pagination', async () => {
    const report = await audit(problemAccount(), {
      GetAccountSummary: (_r, call) => (call === 1 ? throttling() : undefined),
      GetAccountAuthorizationDetails: (r, call) => (call === 2 && r.params.Marker ? throttling() : undefined),
    });
    expect(endpoint!.calls('GetAccountSummary')).toHaveLength(2);
    const markers = endpoint!.calls('GetAccountAuthorizationDetails').map((c) => c.params.Marker);
    expect(markers.slice(0, 3)).toEqual([undefined, 'next-3', 'next-3']);
    expect(summary(report)).toContain('error DPP-AUDIT-2.4-RootMfa account');
    expect(summary(report)).toContain('error DPP-AUDIT-2.3-AdminPolicyAttached role/deploy-role');
    expect(unchecked(report)).toEqual([]);
  });

  test('throttling that outlasts the retries leaves that source\'s checks not checked', async () => {
    const report = await audit(problemAccount(), { GetAccountSummary: () => throttling() });
    expect(endpoint!.calls('GetAccountSummary')).toHaveLength(3);
    expect(unchecked(report)).toEqual([
      { check: 'DPP-AUDIT-2.2-RootAccessKeys', reason: 'iam:GetAccountSummary failed: Throttling: Rate exceeded' },
      { check: 'DPP-AUDIT-2.4-RootMfa', reason: 'iam:GetAccountSummary failed: Throttling: Rate exceeded' },
    ]);
  });

  test('AccessDenied on one action: its checks are listed under notChecked and the rest still run', async () => {
    const report = await audit(problemAccount(), { GetAccountPasswordPolicy: (r) => accessDenied(r.action) });
    expect(unchecked(report)).toEqual(
      ['PasswordPolicyPresent', 'PasswordLength', 'PasswordCharacterClasses', 'PasswordExpiry', 'PasswordReusePrevention'].map((name) => ({
        check: `DPP-AUDIT-2.4-${name}`,
        reason: 'missing permission iam:GetAccountPasswordPolicy',
      })),
    );
    expect(report.findings.some((f) => f.checkId.startsWith('DPP-AUDIT-2.4-Password'))).toBe(false);
    expect(summary(report)).toContain('error DPP-AUDIT-2.4-RootMfa account');
    expect(summary(report)).toContain('error DPP-AUDIT-2.4-ConsoleUserMfa user/bob');
  });

  test('an account without a password policy (NoSuchEntity) is an error, not a failed call', async () => {
    const report = await audit(problemAccount({ passwordPolicy: undefined }));
    expect(summary(report).filter((s) => s.includes('Password'))).toEqual(['error DPP-AUDIT-2.4-PasswordPolicyPresent account']);
    expect(unchecked(report)).toEqual([]);
  });

  test('polls GenerateCredentialReport until COMPLETE, then reads the base64 CSV', async () => {
    const report = await audit(problemAccount({ reportStates: ['STARTED', 'INPROGRESS', 'COMPLETE'] }));
    expect(endpoint!.calls('GenerateCredentialReport')).toHaveLength(3);
    expect(endpoint!.calls('GetCredentialReport')).toHaveLength(1);
    expect(summary(report)).toContain('error DPP-AUDIT-2.4-ConsoleUserMfa user/bob');
    expect(report.accessReview.credentialReportGeneratedAt).toBe(NOW.toISOString());
  });

  test('a report that never completes is bounded: the report checks are not checked', async () => {
    const report = await audit(
      problemAccount({ reportStates: ['INPROGRESS'] }),
      { GetCredentialReport: () => queryError(IAM_NAMESPACE, 'ReportInProgress', 'Report generation in progress.', 404) },
      { reportPollAttempts: 3 },
    );
    expect(endpoint!.calls('GenerateCredentialReport')).toHaveLength(3);
    const reasons = new Set(unchecked(report).filter((n) => n.check !== 'DPP-AUDIT-2.2-AccessReview').map((n) => n.reason));
    expect([...reasons]).toEqual(['the credential report was not ready after 3 polls of iam:GenerateCredentialReport']);
    expect(unchecked(report).map((n) => n.check)).toEqual([
      'DPP-AUDIT-2.2-ConsoleAccessUnused', 'DPP-AUDIT-2.2-AccessKeyUnused', 'DPP-AUDIT-2.4-ConsoleUserMfa', 'DPP-AUDIT-2.4-AccessKeyAge', 'DPP-AUDIT-2.2-AccessReview',
    ]);
  });

  test('without iam:GenerateCredentialReport, a report generated earlier is still read', async () => {
    const report = await audit(problemAccount(), { GenerateCredentialReport: (r) => accessDenied(r.action) });
    expect(unchecked(report)).toEqual([]);
    expect(summary(report)).toContain('error DPP-AUDIT-2.4-ConsoleUserMfa user/bob');
  });

  test('without either credential report permission, the reason names the generation', async () => {
    const report = await audit(problemAccount(), { GenerateCredentialReport: (r) => accessDenied(r.action), GetCredentialReport: (r) => accessDenied(r.action) });
    expect(unchecked(report).find((n) => n.check === 'DPP-AUDIT-2.4-ConsoleUserMfa')?.reason).toBe('missing permission iam:GenerateCredentialReport');
  });

  test('a malformed credential report makes only its checks not checked', async () => {
    const report = await audit(problemAccount(), {
      GetCredentialReport: (r) => queryResult(IAM_NAMESPACE, r.action, `<Content>${Buffer.from('nonsense,columns\n1,2').toString('base64')}</Content><ReportFormat>text/csv</ReportFormat>`),
    });
    expect(unchecked(report).find((n) => n.check === 'DPP-AUDIT-2.4-ConsoleUserMfa')?.reason).toMatch(/^the credential report could not be read/);
    expect(summary(report)).toContain('error DPP-AUDIT-2.4-RootMfa account');
  });

  test('without GetAccountAuthorizationDetails: 2.3 not checked, generic names from the credential report, the review says it is incomplete', async () => {
    const report = await audit(problemAccount(), { GetAccountAuthorizationDetails: (r) => accessDenied(r.action) });
    expect(report.account).toBe(ACCOUNT_ID);
    expect(summary(report)).toContain('error DPP-AUDIT-2.2-GenericUserName user/test01');
    expect(unchecked(report).map((n) => n.check)).toEqual([
      'DPP-AUDIT-2.3-UserDirectPolicies', 'DPP-AUDIT-2.3-AdminPolicyAttached', 'DPP-AUDIT-2.3-WildcardAllow', 'DPP-AUDIT-2.2-AccessReview',
    ]);
    expect(report.accessReview.gaps).toEqual(['groups, roles and policies not listed: missing permission iam:GetAccountAuthorizationDetails']);
    expect(report.accessReview.users.map((u) => u.name)).toEqual(['admin', 'alice', 'bob', 'carol', 'ci-deploy', 'test01']);
  });

  test('a clean account has no finding and exit code 0', async () => {
    const report = await audit(cleanAccount());
    expect(report.findings).toEqual([]);
    expect(unchecked(report)).toEqual([]);
    expect(exitCodeOf(report)).toBe(0);
  });

  test('--inactive-days and --key-max-age-days move the thresholds', async () => {
    const report = await audit(problemAccount(), {}, { inactiveDays: 365, keyMaxAgeDays: 500 });
    expect(summary(report).filter((s) => /Unused|AccessKeyAge/.test(s))).toEqual(['warning DPP-AUDIT-2.2-AccessKeyUnused user/ci-deploy']);
  });

  test('secrets in relayed error messages are masked', async () => {
    const report = await audit(problemAccount(), {
      GetAccountSummary: () => queryError(IAM_NAMESPACE, 'ValidationError', 'bad request from AKIAIOSFODNN7EXAMPLE', 400),
    });
    const reason = unchecked(report).find((n) => n.check === 'DPP-AUDIT-2.4-RootMfa')!.reason;
    expect(reason).toBe('iam:GetAccountSummary failed: ValidationError: bad request from AKIA…MPLE');
    expect(JSON.stringify(report)).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });
});

describe('the access review', () => {
  test('lists every user, group and role with policies, MFA, last activity and who may assume each role', async () => {
    const review = (await audit(problemAccount())).accessReview;
    expect(review).toMatchObject({ account: ACCOUNT_ID, generatedAt: NOW.toISOString(), gaps: [] });
    expect(review.users.find((u) => u.name === 'carol')).toEqual({
      name: 'carol',
      arn: `arn:aws:iam::${ACCOUNT_ID}:user/carol`,
      created: '2025-12-01T00:00:00.000Z',
      groups: ['developers', 'ops'],
      attachedPolicies: [],
      inlinePolicies: [],
      consoleAccess: true,
      mfaActive: true,
      passwordLastUsed: 'never',
      accessKeys: [{ key: 1, active: true, created: '2025-10-22T00:00:00.000Z', lastUsed: '2025-11-01T00:00:00.000Z' }],
      lastActivity: '2025-11-01T00:00:00.000Z',
    });
    expect(review.users.find((u) => u.name === 'test01')).toMatchObject({ consoleAccess: false, accessKeys: [], lastActivity: 'never' });
    expect(review.groups).toEqual([
      { name: 'developers', arn: `arn:aws:iam::${ACCOUNT_ID}:group/developers`, members: ['alice', 'bob', 'carol'], attachedPolicies: [{ name: 'ReadOnlyAccess', arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }], inlinePolicies: [] },
      { name: 'ops', arn: `arn:aws:iam::${ACCOUNT_ID}:group/ops`, members: ['carol'], attachedPolicies: [{ name: 'ops-everything', arn: `arn:aws:iam::${ACCOUNT_ID}:policy/ops-everything` }], inlinePolicies: ['ops-logs'] },
    ]);
    expect(review.roles.map((r) => [r.name, r.assumableBy, r.lastUsed])).toEqual([
      ['AWSServiceRoleForSupport', [{ type: 'Service', id: 'support.amazonaws.com', conditional: false }], null],
      ['deploy-role', [{ type: 'AWS', id: 'arn:aws:iam::333333333333:root', conditional: true }], '2026-03-28T00:00:00.000Z'],
      ['lambda-exec', [{ type: 'Service', id: 'lambda.amazonaws.com', conditional: false }], null],
    ]);
    expect(review.roles.find((r) => r.name === 'lambda-exec')!.inlinePolicies).toEqual(['logs']);
  });
});

describe('when the audit cannot run', () => {
  test('an unreachable endpoint rejects with one clear AuditAbort', async () => {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const url = `http://127.0.0.1:${port}`;
    const client = createIamClient({ endpointUrl: url, credentials: TEST_CREDENTIALS, maxAttempts: 2, retryBaseDelayMs: 1 });
    const error = await runAudit(client, { now: NOW, endpointUrl: url, reportPollDelayMs: 1 }).catch((e: unknown) => e);
    client.destroy();
    expect(error).toBeInstanceOf(AuditAbort);
    expect((error as Error).message).toBe(`cannot reach IAM at ${url} (ECONNREFUSED)`);
  });

  test('credentials IAM rejects abort the audit', async () => {
    endpoint = await startFakeIam(cleanAccount());
    endpoint.respondWith(() => queryError(IAM_NAMESPACE, 'InvalidClientTokenId', 'The security token included in the request is invalid.', 403));
    const client = createIamClient({ endpointUrl: endpoint.url, credentials: TEST_CREDENTIALS, maxAttempts: 1 });
    const error = await runAudit(client, { now: NOW }).catch((e: unknown) => e);
    client.destroy();
    expect(error).toBeInstanceOf(AuditAbort);
    expect((error as Error).message).toBe('AWS rejected the credentials (InvalidClientTokenId): The security token included in the request is invalid.');
  });
});

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { ROLE_NAME } from '../../lib/audit/organization';
import { cleanAccount, problemAccount } from './accounts';
import { dppAudit, isolateAwsEnvironment, useStaticCredentials } from './cli-harness';
import { assumedKey, FakeOrganization, type FakeMember } from './fake-org-server';

const scratch = isolateAwsEnvironment();
let org: FakeOrganization | undefined;

afterEach(async () => {
  await org?.close();
  org = undefined;
});

/** Three active accounts (one denies the auditor's AssumeRole) and a suspended one, listed over two pages. */
function members(): FakeMember[] {
  const now = new Date();
  return [
    { id: '111111111111', name: 'workloads-test', iam: cleanAccount({ accountId: '111111111111' }, now) },
    { id: '222222222222', name: 'workloads-prod', iam: problemAccount({ accountId: '222222222222' }, now) },
    { id: '333333333333', name: 'sandbox' },
    { id: '444444444444', name: 'closed', state: 'SUSPENDED' },
  ];
}

async function startOrg(options: Parameters<typeof FakeOrganization.start>[1] = {}): Promise<FakeOrganization> {
  useStaticCredentials();
  org = await FakeOrganization.start(members(), options);
  process.env.AWS_ENDPOINT_URL_ORGANIZATIONS = org.url;
  process.env.AWS_ENDPOINT_URL_STS = org.url;
  return org;
}

interface OrgJson {
  version: number;
  roleName: string;
  skipped: Array<{ account: string; status: string }>;
  accounts: Array<{ account: string; name: string; status: string; reason?: string; report?: { account: string; findings: Array<{ level: string }> } }>;
}

describe('dpp audit --org (Organizations, STS and IAM on 127.0.0.1)', () => {
  test('a section per active account; the denied one listed with its reason while the others are audited; exit 1', async () => {
    const fake = await startOrg({ throttleFirstList: true });
    const { code, stdout, stderr } = await dppAudit('--org', '--role-name', 'DppAuditReadOnly', '--endpoint-url', fake.url, '--format', 'json');
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as OrgJson;
    expect(report.roleName).toBe('DppAuditReadOnly');
    expect(report.accounts.map((a) => [a.account, a.status])).toEqual([['111111111111', 'audited'], ['222222222222', 'audited'], ['333333333333', 'unreachable']]);
    expect(report.accounts[0].report!.account).toBe('111111111111');
    expect(report.accounts[0].report!.findings.filter((f) => f.level === 'error')).toEqual([]);
    expect(report.accounts[1].report!.findings.some((f) => f.level === 'error')).toBe(true);
    expect(report.accounts[2].reason).toMatch(/^cannot assume arn:aws:iam::333333333333:role\/DppAuditReadOnly \(AccessDenied\): .*not authorized to perform: sts:AssumeRole/);
    expect(report.skipped).toEqual([{ account: '444444444444', name: 'closed', status: 'SUSPENDED' }]);
    // The SDK retried the throttled first page, then followed NextToken.
    expect(fake.calls('organizations', 'ListAccounts').map((r) => r.params.NextToken ?? null)).toEqual([null, null, 'page-2']);
    // Concurrent: in any order.
    expect(fake.calls('sts', 'AssumeRole').map((r) => [r.params.RoleArn, r.params.RoleSessionName, r.accessKey]).sort()).toEqual([
      ['arn:aws:iam::111111111111:role/DppAuditReadOnly', 'dpp-audit', 'AKIAFAKEENVKEY000001'],
      ['arn:aws:iam::222222222222:role/DppAuditReadOnly', 'dpp-audit', 'AKIAFAKEENVKEY000001'],
      ['arn:aws:iam::333333333333:role/DppAuditReadOnly', 'dpp-audit', 'AKIAFAKEENVKEY000001'],
    ]);
    // IAM is read in each account with that account's assumed credentials only; nothing is signed for the suspended one.
    expect(new Set(fake.calls('iam').map((r) => r.accessKey))).toEqual(new Set([assumedKey('111111111111'), assumedKey('222222222222')]));
    expect(stdout).not.toMatch(/fake-assumed-secret|fake-session-token|fake-env-secret/);
  });

  test('--concurrency 1 audits one account at a time', async () => {
    const fake = await startOrg();
    const { code } = await dppAudit('--org', '--role-name', 'DppAuditReadOnly', '--endpoint-url', fake.url, '--concurrency', '1', '--format', 'json');
    expect(code).toBe(1);
    const order = fake.calls('iam').map((r) => r.accessKey);
    // Every IAM call of the first account comes before any of the second.
    expect(order.lastIndexOf(assumedKey('111111111111'))).toBeLessThan(order.indexOf(assumedKey('222222222222')));
  });

  test('text and markdown: one section per account, the unreachable one with its reason, an organization summary', async () => {
    const fake = await startOrg();
    const text = await dppAudit('--org', '--role-name', 'DppAuditReadOnly', '--endpoint-url', fake.url);
    expect(text.stdout).toContain('=== account 111111111111 (workloads-test) ===\ndpp audit: account 111111111111');
    expect(text.stdout).toContain('=== account 333333333333 (sandbox) ===\nNOT AUDITED: cannot assume arn:aws:iam::333333333333:role/DppAuditReadOnly (AccessDenied)');
    expect(text.stdout).toMatch(/Organization: 2 accounts audited, 1 could not be audited, 1 not active\.\n$/);
    const file = path.join(scratch(), 'org-review.md');
    const md = await dppAudit('--org', '--role-name', 'DppAuditReadOnly', '--endpoint-url', fake.url, '--format', 'markdown', '--output', file);
    expect(md.stdout).toBe(`dpp audit: wrote the markdown report for 3 accounts to ${file} (2 accounts audited, 1 could not be audited, 1 not active)\n`);
    const written = await fs.readFile(file, 'utf8');
    expect(written).toMatch(/^# DPP IAM audit across the organization\n/);
    expect(written).toContain('## DPP IAM audit and access review: account 222222222222');
    expect(written).toContain('| 333333333333 | sandbox | not audited: cannot assume');
    expect(written).toContain('| 444444444444 | closed | not active (SUSPENDED), not audited |');
  });

  test('an organization that cannot be listed: one line, exit 2', async () => {
    const fake = await startOrg({ denyList: true });
    const { code, stdout, stderr } = await dppAudit('--org', '--role-name', 'DppAuditReadOnly', '--endpoint-url', fake.url);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^dpp audit: cannot list the organization's accounts \(organizations:ListAccounts, AccessDeniedException\): [^\n]+management account or a delegated administrator\n$/);
    expect(fake.calls('sts')).toEqual([]);
  });

  test.each([
    [['--org'], /--org needs --role-name/],
    [['--role-name', 'DppAuditReadOnly'], /--role-name is only for --org/],
    [['--org', '--role-name', 'arn:aws:iam::111111111111:role/X'], /--role-name <name>.*invalid.*IAM role name/],
    [['--org', '--role-name', 'R', '--concurrency', '0'], /--concurrency <n>.*invalid.*from 1 to 20/],
    [['--org', '--role-name', 'R', '--concurrency', '2.5'], /--concurrency <n>.*invalid/],
  ])('bad flags %j: one line, exit 2', async (args, message) => {
    const { code, stdout, stderr } = await dppAudit(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(message)]);
  });
});

describe('the org audit against its documented constraints', () => {
  test('calls exactly the actions of docs/audit-org-policy.json, on the role it names', async () => {
    const fake = await startOrg();
    await dppAudit('--org', '--role-name', 'DppAuditReadOnly', '--endpoint-url', fake.url, '--format', 'json');
    const policy = JSON.parse(await fs.readFile(path.join(__dirname, '..', '..', 'docs', 'audit-org-policy.json'), 'utf8')) as { Statement: Array<{ Action: string[]; Resource: string }> };
    const called = new Set([...fake.calls('organizations'), ...fake.calls('sts')].map((r) => `${r.service}:${r.action}`));
    expect([...called].sort()).toEqual(policy.Statement.flatMap((s) => s.Action).sort());
    const assume = policy.Statement.find((s) => s.Action.includes('sts:AssumeRole'))!.Resource;
    const pattern = new RegExp(`^${assume.replace(/[.]/g, '\\.').replace(/\*/g, '\\d{12}')}$`);
    for (const r of fake.calls('sts', 'AssumeRole')) expect(r.params.RoleArn).toMatch(pattern);
  });

  // IAM User Guide, "IAM object quotas and names": role names are up to 64 letters, digits and +=,.@_-.
  test.each([
    ['DppAuditReadOnly', true],
    ['a'.repeat(64), true],
    ['with+=,.@_-', true],
    ['a'.repeat(65), false],
    ['path/Role', false],
    ['has space', false],
    ['', false],
  ])('role name %j is valid: %s', (name, valid) => {
    expect(ROLE_NAME.test(name)).toBe(valid);
  });
});

import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildReport, createIamClient, formatAuditReport, formatJson, formatMarkdown, formatText, runAudit, type AuditReport } from '../../lib/audit';
import { writeOutput } from '../../lib/cli/output';
import { NOW, problemAccount } from './accounts';
import { startFakeIam } from './fake-iam-server';
import { authorization, available, denied, row, SETTINGS, snapshot, user } from './snapshots';

let report: AuditReport;

beforeAll(async () => {
  const endpoint = await startFakeIam(problemAccount());
  const client = createIamClient({ endpointUrl: endpoint.url, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, retryBaseDelayMs: 1 });
  report = await runAudit(client, { now: NOW, reportPollDelayMs: 1 });
  client.destroy();
  await endpoint.close();
});

describe('text', () => {
  test('every finding with its clause, subject, message and fix; the procedural items; a summary', () => {
    const text = formatText(report);
    expect(text.startsWith('dpp audit: account 123456789012, 2026-03-31T00:00:00.000Z\n')).toBe(true);
    for (const f of report.findings) {
      expect(text).toContain(`${f.checkId} (DPP ${f.clause} `);
      expect(text).toContain(f.message);
      expect(text).toContain(`fix: ${f.fix}`);
    }
    expect(text).toContain('ERROR   DPP-AUDIT-2.4-RootMfa (DPP 2.4 Credential Management) account');
    expect(text).toContain('WARNING DPP-AUDIT-2.3-UserDirectPolicies (DPP 2.3 Least Privilege Access) user/bob');
    expect(text).toContain('Procedural (IAM cannot enforce these; never a pass):\n  DPP-AUDIT-2.4-PasswordMinimumAge: IAM password policies have no minimum password age');
    expect(text).not.toContain('Not checked:');
    expect(text).toContain('Access review: 6 users, 2 groups, 3 roles');
    expect(text.trimEnd().split('\n').pop()).toBe('Summary: 18 errors, 5 warnings, 0 checks not run, 2 procedural items.');
  });

  test('lists what was not checked, and says so when nothing was found', () => {
    const partial = buildReport(snapshot({ accountSummary: denied('GetAccountSummary') }), SETTINGS);
    const text = formatText(partial);
    expect(text).toContain('No findings.');
    expect(text).toContain('Not checked:\n  DPP-AUDIT-2.2-RootAccessKeys: missing permission iam:GetAccountSummary\n  DPP-AUDIT-2.4-RootMfa: missing permission iam:GetAccountSummary');
  });
});

describe('json', () => {
  test('exactly the documented shape', () => {
    const parsed = JSON.parse(formatJson(report)) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['version', 'account', 'generatedAt', 'findings', 'notChecked', 'accessReview']);
    expect(parsed).toEqual(JSON.parse(JSON.stringify(report)));
    const findings = parsed.findings as Record<string, unknown>[];
    for (const f of findings) expect(Object.keys(f)).toEqual(['checkId', 'clause', 'level', 'subject', 'message', 'fix']);
    expect(findings[0]).toEqual({
      checkId: 'DPP-AUDIT-2.2-RootAccessKeys', clause: '2.2', level: 'error', subject: 'account',
      message: 'The root user has access keys: an all-powerful credential that belongs to no one person.',
      fix: 'Sign in as the root user, delete its access keys (Security credentials), and use IAM roles for automation.',
    });
    for (const n of parsed.notChecked as Record<string, unknown>[]) expect(Object.keys(n)).toEqual(['check', 'reason']);
    expect(Object.keys(parsed.accessReview as object)).toEqual(['account', 'generatedAt', 'credentialReportGeneratedAt', 'gaps', 'users', 'groups', 'roles']);
  });
});

describe('markdown', () => {
  test('findings, not checked, procedural items, and the dated access review with a sign-off', () => {
    const md = formatMarkdown(report);
    expect(md.startsWith('# DPP IAM audit and access review: account 123456789012\n\nGenerated 2026-03-31T00:00:00.000Z by `dpp audit`; IAM credential report of 2026-03-31T00:00:00.000Z.')).toBe(true);
    expect(md).toContain('| Level | Check | Clause | Subject | Finding | Fix |');
    expect(md).toContain('| error | DPP-AUDIT-2.4-RootMfa | DPP 2.4 Credential Management | `account` | The root user has no MFA device. |');
    expect(md).toContain('## Not checked\n\nEvery check ran.');
    expect(md).toContain('| DPP-AUDIT-2.4-PasswordExcludesUserName | IAM cannot reject passwords that contain part of the user name; enforce it in the identity provider |');
    expect(md).toContain('## Access review (DPP 2.2 Access Management)');
    expect(md).toContain('### Users (6)');
    expect(md).toContain('| bob | developers | AmazonS3ReadOnlyAccess | yes | no | 2025-09-12 | — | 2025-09-12 |');
    expect(md).toContain('| ci-deploy | — | deploy-everything (inline) | no | no | — | key 1 active, created 2025-02-24, last used 2026-03-29; key 2 active, created 2026-03-01, last used never | 2026-03-29 |');
    expect(md).toContain('| ops | carol | ops-everything, ops-logs (inline) |');
    expect(md).toContain('| deploy-role | AWS: arn:aws:iam::333333333333:root (with conditions) | AdministratorAccess | 2026-03-28 |');
    expect(md).toContain('| /aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport | Service: support.amazonaws.com | AWSSupportServiceRolePolicy | unknown |');
    expect(md).toContain('## Sign-off');
  });

  test('escapes pipes and line breaks in cells, and flags an incomplete review', () => {
    const partial = buildReport(snapshot({
      authorization: denied('GetAccountAuthorizationDetails'),
      credentialReport: available({ generatedAt: undefined, rows: [row('a|b\nc', { passwordEnabled: true, mfaActive: true, passwordLastUsed: NOW })] }),
    }), SETTINGS);
    const md = formatMarkdown(partial);
    expect(md).toContain('| a\\|b c |');
    expect(md).toContain('**Incomplete:**\n\n- groups, roles and policies not listed: missing permission iam:GetAccountAuthorizationDetails');
    expect(md).toContain('| DPP-AUDIT-2.2-AccessReview | incomplete: groups, roles and policies not listed: missing permission iam:GetAccountAuthorizationDetails |');
  });

  test('MFA and console state read "unknown" without the credential report', () => {
    const md = formatMarkdown(buildReport(snapshot({ credentialReport: denied('GetCredentialReport'), authorization: available(authorization({ users: [user('dana')] })) }), SETTINGS));
    expect(md).toContain('| dana | — | — | unknown | unknown | unknown | — | unknown |');
  });
});

test('formatAuditReport dispatches on the format', () => {
  expect(formatAuditReport(report, 'json')).toBe(formatJson(report));
  expect(formatAuditReport(report, 'markdown')).toBe(formatMarkdown(report));
  expect(formatAuditReport(report, 'text')).toBe(formatText(report));
});

describe('writing --output (shared with dpp check)', () => {
  test('writes and replaces a file, leaving no temporary file behind', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dpp-audit-'));
    const file = path.join(dir, 'report.md');
    writeOutput('one', file);
    writeOutput('two', file);
    expect(await fs.readFile(file, 'utf8')).toBe('two');
    expect(await fs.readdir(dir)).toEqual(['report.md']);
    await fs.rm(dir, { recursive: true });
  });

  test('a failed write leaves nothing behind and rejects', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dpp-audit-'));
    await fs.mkdir(path.join(dir, 'taken'));
    expect(() => writeOutput('x', path.join(dir, 'taken'))).toThrow(/cannot write/);
    expect(await fs.readdir(dir)).toEqual(['taken']);
    await fs.rm(dir, { recursive: true });
  });
});

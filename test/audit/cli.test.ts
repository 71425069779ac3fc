import { promises as fs } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { cleanAccount, problemAccount } from './accounts';
import { dppAudit, isolateAwsEnvironment, useStaticCredentials } from './cli-harness';
import { startFakeIam, type FakeAwsEndpoint } from './fake-iam-server';

const scratch = isolateAwsEnvironment();
let dir: string;
let endpoint: FakeAwsEndpoint | undefined;
const dpp = dppAudit;

beforeEach(() => {
  dir = scratch();
});

afterEach(async () => {
  await endpoint?.close();
  endpoint = undefined;
});

async function closedPortUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

describe('dpp audit (CLI, default credential chain, --endpoint-url)', () => {
  test('text report, exit 1 on error-level findings; no secret printed', async () => {
    useStaticCredentials();
    endpoint = await startFakeIam(problemAccount({}, new Date()));
    const { code, stdout, stderr } = await dpp('--endpoint-url', endpoint.url, '--region', 'eu-west-1');
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).toContain('ERROR   DPP-AUDIT-2.4-RootMfa (DPP 2.4 Credential Management) account');
    expect(stdout).toMatch(/Summary: \d+ errors, \d+ warnings, 0 checks not run, 2 procedural items\.\n$/);
    expect(stdout + stderr).not.toMatch(/AKIAFAKEENVKEY000001|fake-env-secret/);
    expect(endpoint.requests.length).toBeGreaterThan(0);
  });

  test('a clean account exits 0', async () => {
    useStaticCredentials();
    endpoint = await startFakeIam(cleanAccount({}, new Date()));
    const { code, stdout } = await dpp('--endpoint-url', endpoint.url);
    expect(code).toBe(0);
    expect(stdout).toContain('No findings.');
  });

  test('--format json prints the report shape; the thresholds flags reach the checks', async () => {
    useStaticCredentials();
    endpoint = await startFakeIam(problemAccount({}, new Date()));
    const { code, stdout } = await dpp('--endpoint-url', endpoint.url, '--format', 'json', '--inactive-days', '365', '--key-max-age-days', '500');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { version: number; account: string; findings: { checkId: string; level: string }[]; notChecked: unknown[]; accessReview: { users: unknown[] } };
    expect(report.version).toBe(1);
    expect(report.account).toBe('123456789012');
    expect(report.findings.map((f) => f.checkId)).not.toContain('DPP-AUDIT-2.4-AccessKeyAge');
    expect(report.findings.filter((f) => f.checkId === 'DPP-AUDIT-2.2-AccessKeyUnused').map((f) => f.level)).toEqual(['warning']);
    expect(report.accessReview.users).toHaveLength(6);
  });

  test('--format markdown --output writes the file atomically and prints one line', async () => {
    useStaticCredentials();
    endpoint = await startFakeIam(problemAccount({}, new Date()));
    const file = path.join(dir, 'access-review.md');
    const { code, stdout } = await dpp('--endpoint-url', endpoint.url, '--format', 'markdown', '--output', file);
    expect(code).toBe(1);
    expect(stdout).toMatch(new RegExp(`^dpp audit: wrote the markdown report for account 123456789012 to ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+ errors, `));
    expect(stdout.split('\n').filter(Boolean)).toHaveLength(1);
    const md = await fs.readFile(file, 'utf8');
    expect(md).toContain('# DPP IAM audit and access review: account 123456789012');
    expect(md).toContain('### Roles (3)');
    expect((await fs.readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('--aws-profile reads the named profile of the shared files', async () => {
    await fs.writeFile(path.join(dir, 'no-credentials'), '[auditor]\naws_access_key_id = AKIAFAKEPROFILEKEY01\naws_secret_access_key = fake-profile-secret-never-printed\n');
    endpoint = await startFakeIam(cleanAccount({}, new Date()));
    const { code, stdout, stderr } = await dpp('--endpoint-url', endpoint.url, '--aws-profile', 'auditor');
    expect(code).toBe(0);
    expect(stdout + stderr).not.toMatch(/AKIAFAKEPROFILEKEY01|fake-profile-secret/);
  });

  test('an unreachable endpoint: one line on stderr, exit 2', async () => {
    useStaticCredentials();
    process.env.AWS_MAX_ATTEMPTS = '1';
    const url = await closedPortUrl();
    const { code, stdout, stderr } = await dpp('--endpoint-url', url);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`dpp audit: cannot reach IAM at ${url} (ECONNREFUSED)\n`);
  });

  test('no credentials anywhere: one line on stderr, exit 2, no request sent', async () => {
    endpoint = await startFakeIam(cleanAccount({}, new Date()));
    const { code, stdout, stderr } = await dpp('--endpoint-url', endpoint.url);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^dpp audit: no usable AWS credentials: [^\n]+\n$/);
    expect(endpoint.requests).toEqual([]);
  });

  test('an --output the audit cannot write: one line, exit 2', async () => {
    useStaticCredentials();
    endpoint = await startFakeIam(cleanAccount({}, new Date()));
    const { code, stderr } = await dpp('--endpoint-url', endpoint.url, '--output', path.join(dir, 'missing', 'report.md'));
    expect(code).toBe(2);
    expect(stderr).toBe(`dpp audit: cannot write ${path.join(dir, 'missing', 'report.md')}: no such directory\n`);
  });

  test.each([
    [['--format', 'xml']],
    [['--inactive-days', '0']],
    [['--key-max-age-days', 'soon']],
    [['--endpoint-url', 'not a url']],
  ])('bad flags %j exit 2', async (args) => {
    const { code, stderr } = await dpp(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(/error: /);
  });
});

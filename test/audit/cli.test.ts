import { promises as fs } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../lib/cli/main';
import { cleanAccount, problemAccount } from './accounts';
import { startFakeIam, type FakeAwsEndpoint } from './fake-iam-server';

/** Every variable the default credential chain reads: cleared for each test, restored afterwards. */
const AWS_VARIABLES = [
  'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION',
  'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_EC2_METADATA_DISABLED', 'AWS_MAX_ATTEMPTS', 'AWS_ROLE_ARN', 'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_CONTAINER_CREDENTIALS_FULL_URI', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_IAM', 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED',
];

let saved: Record<string, string | undefined>;
let dir: string;
let endpoint: FakeAwsEndpoint | undefined;

beforeEach(async () => {
  saved = Object.fromEntries(AWS_VARIABLES.map((name) => [name, process.env[name]]));
  for (const name of AWS_VARIABLES) delete process.env[name];
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dpp-audit-cli-'));
  // No shared config from the machine running the tests; never the instance metadata service.
  process.env.AWS_CONFIG_FILE = path.join(dir, 'no-config');
  process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(dir, 'no-credentials');
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
});

afterEach(async () => {
  for (const name of AWS_VARIABLES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  await endpoint?.close();
  endpoint = undefined;
  await fs.rm(dir, { recursive: true, force: true });
  jest.restoreAllMocks();
});

function useStaticCredentials(): void {
  process.env.AWS_ACCESS_KEY_ID = 'AKIAFAKEENVKEY000001';
  process.env.AWS_SECRET_ACCESS_KEY = 'fake-env-secret-never-printed';
}

/** Runs `dpp audit …` in-process; returns the exit code and what it printed. */
async function dpp(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(['node', 'dpp', 'audit', ...args]);
    return { code, stdout, stderr };
  } finally {
    jest.restoreAllMocks();
  }
}

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

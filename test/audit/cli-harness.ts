import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../lib/cli/main';

/** Every variable the default credential chain reads: cleared for each test, restored afterwards. */
const AWS_VARIABLES = [
  'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION',
  'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_EC2_METADATA_DISABLED', 'AWS_MAX_ATTEMPTS', 'AWS_ROLE_ARN', 'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_CONTAINER_CREDENTIALS_FULL_URI', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_IAM', 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED',
  'AWS_ENDPOINT_URL_ORGANIZATIONS', 'AWS_ENDPOINT_URL_STS',
];

/**
 * Gives each test of the file an AWS environment of its own: no variable, shared config or
 * instance metadata from the machine running the tests. Returns the test's scratch directory.
 */
export function isolateAwsEnvironment(): () => string {
  let saved: Record<string, string | undefined>;
  let dir = '';
  beforeEach(async () => {
    saved = Object.fromEntries(AWS_VARIABLES.map((name) => [name, process.env[name]]));
    for (const name of AWS_VARIABLES) delete process.env[name];
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dpp-audit-cli-'));
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
    await fs.rm(dir, { recursive: true, force: true });
    jest.restoreAllMocks();
  });
  return () => dir;
}

export function useStaticCredentials(): void {
  process.env.AWS_ACCESS_KEY_ID = 'AKIAFAKEENVKEY000001';
  process.env.AWS_SECRET_ACCESS_KEY = 'fake-env-secret-never-printed';
}

/** Runs `dpp audit …` in-process; returns the exit code and what it printed. */
export async function dppAudit(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
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

import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { INLINE_CODE, inlineHandlerCode } from '../../constructs/common/handler-source';
import { respondingTo, responseBody, RESPONSE_MAX_BYTES, type CloudFormationRequest } from '../../lib/handlers/cloudformation-response';
import { FakeAwsEndpoint, IAM_NAMESPACE, queryError, queryResult } from './fake-aws-endpoint';

/** A stand-in for the pre-signed S3 URL CloudFormation waits on: records every PUT. */
async function responseUrl(): Promise<{ url: string; puts: Array<{ contentType?: string; body: Record<string, unknown> }>; close: () => Promise<void> }> {
  const puts: Array<{ contentType?: string; body: Record<string, unknown> }> = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'PUT') puts.push({ contentType: req.headers['content-type'], body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/response?X-Amz-Signature=abc`, puts, close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}

const request = (url: string, extra: Partial<CloudFormationRequest> = {}): CloudFormationRequest => ({
  RequestType: 'Create',
  ResponseURL: url,
  StackId: 'arn:aws:cloudformation:eu-west-1:111111111111:stack/StackSet-dpp-account-controls-1/abc',
  RequestId: 'req-1',
  LogicalResourceId: 'AccountPasswordPolicy',
  ResourceType: 'Custom::AccountPasswordPolicy',
  ResourceProperties: { MinimumPasswordLength: '14', RequireSymbols: 'true' },
  ...extra,
});

describe('the custom-resource response (CloudFormation invokes the handler directly)', () => {
  test('success: SUCCESS with the physical ID and data, echoing the request\'s IDs, PUT with an empty content type', async () => {
    const target = await responseUrl();
    try {
      await respondingTo(async () => ({ PhysicalResourceId: 'id-1', Data: { A: 'b' } }))(request(target.url));
      expect(target.puts).toEqual([{ contentType: '', body: { Status: 'SUCCESS', PhysicalResourceId: 'id-1', Data: { A: 'b' }, StackId: expect.stringContaining(':stack/'), RequestId: 'req-1', LogicalResourceId: 'AccountPasswordPolicy' } }]);
    } finally {
      await target.close();
    }
  });

  test('failure: FAILED with the error as the reason, and a physical ID a later Delete recognizes as "nothing made"', async () => {
    const target = await responseUrl();
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await respondingTo(async () => { throw new Error('IAM UpdateAccountPasswordPolicy failed: AccessDenied'); })(request(target.url));
      expect(target.puts[0].body).toMatchObject({ Status: 'FAILED', Reason: 'IAM UpdateAccountPasswordPolicy failed: AccessDenied', PhysicalResourceId: 'AccountPasswordPolicy-failed-req-1' });
    } finally {
      quiet.mockRestore();
      await target.close();
    }
  });

  test('a long error is cut so the response stays within the documented 4,096 bytes', () => {
    const body = responseBody(request('http://x'), { error: new Error('x'.repeat(10_000)) });
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(RESPONSE_MAX_BYTES);
    expect(JSON.parse(body).Reason).toMatch(/^x+…$/);
  });

  test('a response the URL refuses throws, so the function\'s log shows why the stack waits', async () => {
    const server = http.createServer((_req, res) => res.writeHead(403).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/r`;
      await expect(respondingTo(async () => ({ PhysicalResourceId: 'x' }))(request(url))).rejects.toThrow('uploading the custom-resource response failed: HTTP 403');
    } finally {
      server.close();
    }
  });
});

/**
 * Runs inline code as Lambda runs `index.js`: CommonJS in a Node.js process of its own, the AWS SDK
 * resolved as the runtime provides it, endpoint, region and credentials from the environment.
 */
function runInline(code: string, event: unknown, env: Record<string, string>): Promise<{ status: number | null; stderr: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-inline-'));
  fs.writeFileSync(path.join(dir, `${INLINE_CODE.handlerFile}.js`), code);
  const [file, fn] = INLINE_CODE.handler.split('.');
  const runner = `require(${JSON.stringify(path.join(dir, file))}).${fn}(JSON.parse(process.argv[1])).then(() => process.exit(0), (e) => { console.error(e); process.exit(1); })`;
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['-e', runner, JSON.stringify(event)], {
      env: { PATH: process.env.PATH ?? '', NODE_PATH: path.join(__dirname, '..', '..', 'node_modules'), ...env },
    }, (error, _stdout, stderr) => {
      fs.rmSync(dir, { recursive: true, force: true });
      resolve({ status: error ? (error.code as number) ?? 1 : 0, stderr });
    });
    child.stdin?.end();
  });
}

describe('the inline password-policy handler, as a StackSet deploys it', () => {
  let iam: FakeAwsEndpoint;
  beforeAll(async () => {
    iam = await FakeAwsEndpoint.start();
  });
  afterAll(async () => {
    await iam.close();
  });

  test('the bundled code is CommonJS with only the AWS SDK outside it, and a create sets the policy and reports SUCCESS', async () => {
    const code = inlineHandlerCode('account-password-policy-direct');
    expect(code).not.toMatch(/\bimport\s*[{*]|\bexport\s*\{/);
    iam.respondWith((r) => (r.action === 'GetAccountPasswordPolicy'
      ? queryError(IAM_NAMESPACE, 'NoSuchEntity', 'none', 404)
      : queryResult(IAM_NAMESPACE, r.action)));
    const target = await responseUrl();
    try {
      // As in Lambda, the SDK takes its region and credentials from the environment (the endpoint: the fake IAM).
      const env = { AWS_ENDPOINT_URL_IAM: iam.url, AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'AKIDFAKEFAKEFAKEFAKE', AWS_SECRET_ACCESS_KEY: 'fake-secret', AWS_MAX_ATTEMPTS: '1' };
      const run = await runInline(code, request(target.url), env);
      expect(run).toMatchObject({ status: 0 });
      expect(iam.calls('UpdateAccountPasswordPolicy')[0].params).toMatchObject({ MinimumPasswordLength: '14', RequireSymbols: 'true' });
      expect(target.puts[0].body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'dpp-account-password-policy/none' });
    } finally {
      await target.close();
    }
  });
});

/**
 * A fake AWS Organization on 127.0.0.1: one local endpoint that answers Organizations (JSON 1.1,
 * `X-Amz-Target: AWSOrganizationsV20161128.ListAccounts`, paginated), STS (Query protocol,
 * `AssumeRole`) and IAM in each member account (the fake IAM account of the credentials that
 * signed the request), in the services' documented response shapes, so the real SDK clients
 * paginate, sign, parse and retry for real. Point the SDK at it with AWS_ENDPOINT_URL_ORGANIZATIONS,
 * AWS_ENDPOINT_URL_STS and `--endpoint-url`.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { IAM_NAMESPACE, iamAccountResponder, queryError, queryResult, type FakeIamAccount, type FakeReply } from './fake-iam-server';

const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';
const STS_VERSION = '2011-06-15';
const ORGANIZATIONS_TARGET = 'AWSOrganizationsV20161128.';

/** A member account: its IAM, or a role trust that refuses the auditor. */
export interface FakeMember {
  readonly id: string;
  readonly name: string;
  /** @default 'ACTIVE' */
  readonly state?: 'ACTIVE' | 'SUSPENDED' | 'PENDING_CLOSURE';
  /** The account's IAM; undefined when AssumeRole into it is denied. */
  readonly iam?: FakeIamAccount;
}

/** One request as the fake organization saw it. */
export interface OrgRequest {
  readonly service: 'organizations' | 'sts' | 'iam';
  readonly action: string;
  /** The access key that signed it (the caller's, or an assumed role's). */
  readonly accessKey: string;
  readonly params: Readonly<Record<string, string>>;
  readonly at: number;
}

/** The access key STS hands out for a member account, so IAM calls can be told apart. */
export const assumedKey = (account: string): string => `ASIAFAKE${account}`;

function json(status: number, body: unknown, res: http.ServerResponse): void {
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'req-1' });
  res.end(JSON.stringify(body));
}

function xmlReply(reply: FakeReply, res: http.ServerResponse): void {
  res.writeHead(reply.status ?? 200, { 'content-type': 'text/xml', 'x-amzn-requestid': 'req-1' });
  res.end(reply.xml ?? '');
}

export class FakeOrganization {
  public readonly requests: OrgRequest[] = [];
  private readonly iam = new Map<string, (request: Parameters<ReturnType<typeof iamAccountResponder>>[0]) => FakeReply>();
  private listCalls = 0;

  private constructor(
    private readonly server: http.Server,
    public readonly url: string,
    private readonly members: readonly FakeMember[],
    private readonly options: { pageSize: number; throttleFirstList: boolean; denyList: boolean },
  ) {
    for (const m of members) if (m.iam) this.iam.set(assumedKey(m.id), iamAccountResponder(m.iam));
  }

  public static async start(members: readonly FakeMember[], options: Partial<FakeOrganization['options']> = {}): Promise<FakeOrganization> {
    let fake: FakeOrganization | undefined;
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => fake!.answer(req, Buffer.concat(chunks).toString('utf8'), res));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    fake = new FakeOrganization(server, `http://127.0.0.1:${port}`, members, { pageSize: 2, throttleFirstList: false, denyList: false, ...options });
    return fake;
  }

  public calls(service: OrgRequest['service'], action?: string): OrgRequest[] {
    return this.requests.filter((r) => r.service === service && (action === undefined || r.action === action));
  }

  public async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(req: http.IncomingMessage, body: string, res: http.ServerResponse): void {
    const accessKey = /Credential=([^/]+)\//.exec(String(req.headers.authorization ?? ''))?.[1] ?? '';
    const target = req.headers['x-amz-target'];
    if (typeof target === 'string' && target.startsWith(ORGANIZATIONS_TARGET)) {
      const action = target.slice(ORGANIZATIONS_TARGET.length);
      const input = body ? (JSON.parse(body) as { NextToken?: string }) : {};
      this.requests.push({ service: 'organizations', action, accessKey, params: input.NextToken ? { NextToken: input.NextToken } : {}, at: Date.now() });
      return this.organizations(action, input, res);
    }
    const params = Object.fromEntries(new URLSearchParams(body));
    const service = params.Version === STS_VERSION ? 'sts' : 'iam';
    this.requests.push({ service, action: params.Action ?? '', accessKey, params, at: Date.now() });
    if (service === 'sts') return xmlReply(this.assumeRole(params), res);
    const account = this.iam.get(accessKey);
    if (!account) return xmlReply(queryError(IAM_NAMESPACE, 'InvalidClientTokenId', 'The security token included in the request is invalid.', 403), res);
    xmlReply(account({ service: 'iam', action: params.Action ?? '', params, json: {} }), res);
  }

  private organizations(action: string, input: { NextToken?: string }, res: http.ServerResponse): void {
    if (action !== 'ListAccounts') return json(400, { __type: 'InvalidInputException', Message: `unknown operation ${action}` }, res);
    this.listCalls++;
    if (this.options.denyList) {
      return json(400, { __type: 'AccessDeniedException', Message: 'You don\'t have permissions to access this resource.' }, res);
    }
    if (this.options.throttleFirstList && this.listCalls === 1) return json(400, { __type: 'TooManyRequestsException', Message: 'Rate exceeded', Type: 'AWSOrganizationsV20161128' }, res);
    const start = input.NextToken ? Number(input.NextToken.replace('page-', '')) : 0;
    const page = this.members.slice(start, start + this.options.pageSize);
    const next = start + this.options.pageSize < this.members.length ? `page-${start + this.options.pageSize}` : undefined;
    json(200, {
      Accounts: page.map((m) => ({
        Id: m.id,
        Arn: `arn:aws:organizations::999999999999:account/o-exampleorgid/${m.id}`,
        Email: `${m.name}@example.com`,
        Name: m.name,
        Status: m.state === 'PENDING_CLOSURE' ? 'PENDING_CLOSURE' : (m.state ?? 'ACTIVE'),
        State: m.state ?? 'ACTIVE',
        JoinedMethod: 'CREATED',
        JoinedTimestamp: 1_700_000_000,
      })),
      ...(next ? { NextToken: next } : {}),
    }, res);
  }

  private assumeRole(params: Record<string, string>): FakeReply {
    const account = /^arn:aws:iam::(\d{12}):role\/(.+)$/.exec(params.RoleArn ?? '')?.[1];
    const member = this.members.find((m) => m.id === account);
    if (params.Action !== 'AssumeRole' || !member?.iam) {
      return queryError(STS_NAMESPACE, 'AccessDenied', `User: arn:aws:iam::999999999999:user/auditor is not authorized to perform: sts:AssumeRole on resource: ${params.RoleArn}`, 403);
    }
    const expiration = new Date(Date.now() + 3_600_000).toISOString();
    return queryResult(
      STS_NAMESPACE,
      'AssumeRole',
      `<AssumedRoleUser><AssumedRoleId>AROAFAKE:${params.RoleSessionName}</AssumedRoleId><Arn>arn:aws:sts::${account}:assumed-role/${params.RoleArn!.split('/').pop()}/${params.RoleSessionName}</Arn></AssumedRoleUser>` +
        `<Credentials><AccessKeyId>${assumedKey(account!)}</AccessKeyId><SecretAccessKey>fake-assumed-secret-${account}</SecretAccessKey><SessionToken>fake-session-token-${account}</SessionToken><Expiration>${expiration}</Expiration></Credentials>`,
    );
  }
}

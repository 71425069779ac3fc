/**
 * A fake IAM account behind the shared local Query-protocol endpoint (`test/handlers/fake-aws-endpoint.ts`): it
 * answers the read-only calls of `dpp audit` with XML in IAM's documented response shapes, so the real
 * `@aws-sdk/client-iam` serialises, signs, parses, paginates and retries for real.
 */
import { FakeAwsEndpoint, IAM_NAMESPACE, queryError, queryResult, type FakeReply, type FakeRequest } from '../handlers/fake-aws-endpoint';

export { FakeAwsEndpoint, IAM_NAMESPACE, queryError, queryResult, type FakeReply, type FakeRequest };

export interface FakeKey {
  readonly rotated: Date;
  readonly lastUsed?: Date;
  /** @default true */
  readonly active?: boolean;
}

export interface FakeUser {
  readonly name: string;
  readonly created: Date;
  readonly groups?: readonly string[];
  /** Managed policy ARNs. */
  readonly attached?: readonly string[];
  readonly inline?: Readonly<Record<string, object>>;
  /** A console password: when it was set and last used (undefined: never). */
  readonly password?: { readonly changed: Date; readonly lastUsed?: Date };
  readonly mfa?: boolean;
  readonly keys?: readonly FakeKey[];
}

export interface FakeGroup {
  readonly name: string;
  readonly attached?: readonly string[];
  readonly inline?: Readonly<Record<string, object>>;
}

export interface FakeRole {
  readonly name: string;
  readonly path?: string;
  readonly trust: object;
  readonly attached?: readonly string[];
  readonly inline?: Readonly<Record<string, object>>;
  readonly lastUsed?: Date;
}

export interface FakePolicy {
  readonly name: string;
  readonly document: object;
  readonly attachmentCount: number;
}

/** What the fake account holds. */
export interface FakeIamAccount {
  readonly accountId: string;
  /** The password policy's fields as IAM names them; undefined: none set (NoSuchEntity). */
  readonly passwordPolicy?: Readonly<Record<string, number | boolean>>;
  readonly rootMfa: boolean;
  readonly rootAccessKeys: boolean;
  readonly users: readonly FakeUser[];
  readonly groups: readonly FakeGroup[];
  readonly roles: readonly FakeRole[];
  readonly policies: readonly FakePolicy[];
  /** Entities per `GetAccountAuthorizationDetails` page. @default 3 */
  readonly pageSize?: number;
  /** The states `GenerateCredentialReport` answers, call after call (the last one repeats). @default ['COMPLETE'] */
  readonly reportStates?: readonly string[];
  readonly reportGeneratedAt: Date;
}

/** Overrides one action's answer by call number (1-based); returning undefined falls back to the account's answer. */
export type Override = (request: FakeRequest, call: number) => FakeReply | undefined;

// --- XML in IAM's response shapes -------------------------------------------------------------------------------

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A `SummaryMap`-style map: `<entry><key>…</key><value>…</value></entry>`. */
class XmlMap {
  constructor(readonly entries: Readonly<Record<string, string | number>>) {}
}

type XmlValue = string | number | boolean | Date | XmlMap | readonly XmlValue[] | { readonly [key: string]: XmlValue | undefined };

/** Serialises like the Query protocol: object keys as elements, lists as `<member>`s. */
export function xml(value: XmlValue): string {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof XmlMap) return Object.entries(value.entries).map(([k, v]) => `<entry><key>${escape(k)}</key><value>${escape(String(v))}</value></entry>`).join('');
  if (Array.isArray(value)) return value.map((v: XmlValue) => `<member>${xml(v)}</member>`).join('');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, XmlValue | undefined>)
      .filter((e): e is [string, XmlValue] => e[1] !== undefined)
      .map(([k, v]) => `<${k}>${xml(v)}</${k}>`)
      .join('');
  }
  return escape(String(value));
}

/** IAM returns policy documents URL-encoded. */
const encodeDocument = (document: object): string => encodeURIComponent(JSON.stringify(document));

const policyName = (arn: string): string => arn.split('/').pop() ?? arn;

function attachedXml(arns: readonly string[] | undefined): XmlValue[] {
  return (arns ?? []).map((arn) => ({ PolicyName: policyName(arn), PolicyArn: arn }));
}

function inlineXml(inline: Readonly<Record<string, object>> | undefined): XmlValue[] {
  return Object.entries(inline ?? {}).map(([name, document]) => ({ PolicyName: name, PolicyDocument: encodeDocument(document) }));
}

type Entity = { readonly list: 'UserDetailList' | 'GroupDetailList' | 'RoleDetailList' | 'Policies'; readonly xml: XmlValue };

function entities(account: FakeIamAccount): Entity[] {
  const arn = (kind: string, name: string, path = '/'): string => `arn:aws:iam::${account.accountId}:${kind}${path}${name}`;
  const id = (prefix: string, i: number): string => `${prefix}${String(i).padStart(17, '0')}`;
  return [
    ...account.users.map((u, i): Entity => ({
      list: 'UserDetailList',
      xml: {
        Path: '/', UserName: u.name, UserId: id('AIDAX', i), Arn: arn('user', u.name), CreateDate: u.created,
        UserPolicyList: inlineXml(u.inline), GroupList: [...(u.groups ?? [])], AttachedManagedPolicies: attachedXml(u.attached), Tags: [],
      },
    })),
    ...account.groups.map((g, i): Entity => ({
      list: 'GroupDetailList',
      xml: { Path: '/', GroupName: g.name, GroupId: id('AGPAX', i), Arn: arn('group', g.name), CreateDate: new Date('2024-01-01T00:00:00Z'), GroupPolicyList: inlineXml(g.inline), AttachedManagedPolicies: attachedXml(g.attached) },
    })),
    ...account.roles.map((r, i): Entity => ({
      list: 'RoleDetailList',
      xml: {
        Path: r.path ?? '/', RoleName: r.name, RoleId: id('AROAX', i), Arn: arn('role', r.name, r.path), CreateDate: new Date('2024-01-01T00:00:00Z'),
        AssumeRolePolicyDocument: encodeDocument(r.trust), InstanceProfileList: [], RolePolicyList: inlineXml(r.inline),
        AttachedManagedPolicies: attachedXml(r.attached), Tags: [], RoleLastUsed: r.lastUsed ? { LastUsedDate: r.lastUsed, Region: 'eu-west-1' } : {},
      },
    })),
    ...account.policies.map((p, i): Entity => ({
      list: 'Policies',
      xml: {
        PolicyName: p.name, PolicyId: id('ANPAX', i), Arn: arn('policy', p.name), Path: '/', DefaultVersionId: 'v2', AttachmentCount: p.attachmentCount,
        PermissionsBoundaryUsageCount: 0, IsAttachable: true, CreateDate: new Date('2024-01-01T00:00:00Z'), UpdateDate: new Date('2024-01-01T00:00:00Z'),
        PolicyVersionList: [
          // An old non-default version that allowed nothing: only the default version counts.
          { Document: encodeDocument({ Version: '2012-10-17', Statement: [] }), VersionId: 'v1', IsDefaultVersion: false, CreateDate: new Date('2024-01-01T00:00:00Z') },
          { Document: encodeDocument(p.document), VersionId: 'v2', IsDefaultVersion: true, CreateDate: new Date('2024-01-01T00:00:00Z') },
        ],
      },
    })),
  ];
}

/** One page of `GetAccountAuthorizationDetails`; the marker is the index of the next entity. */
function authorizationDetailsPage(account: FakeIamAccount, marker: string | undefined): XmlValue {
  const all = entities(account);
  const size = account.pageSize ?? 3;
  const start = marker ? Number(marker.replace('next-', '')) : 0;
  const page = all.slice(start, start + size);
  const truncated = start + size < all.length;
  const lists: Record<Entity['list'], XmlValue[]> = { UserDetailList: [], GroupDetailList: [], RoleDetailList: [], Policies: [] };
  for (const e of page) lists[e.list].push(e.xml);
  return { ...lists, IsTruncated: truncated, Marker: truncated ? `next-${start + size}` : undefined };
}

// --- The credential report ---------------------------------------------------------------------------------------

const CSV_HEADER = [
  'user', 'arn', 'user_creation_time', 'password_enabled', 'password_last_used', 'password_last_changed', 'password_next_rotation', 'mfa_active',
  'access_key_1_active', 'access_key_1_last_rotated', 'access_key_1_last_used_date', 'access_key_1_last_used_region', 'access_key_1_last_used_service',
  'access_key_2_active', 'access_key_2_last_rotated', 'access_key_2_last_used_date', 'access_key_2_last_used_region', 'access_key_2_last_used_service',
  'cert_1_active', 'cert_1_last_rotated', 'cert_2_active', 'cert_2_last_rotated',
];

/** The credential report CSV as IAM writes it (ISO dates with +00:00, `N/A` for never, `not_supported` for root). */
export function credentialReportCsv(account: FakeIamAccount): string {
  const d = (date: Date | undefined): string => (date ? date.toISOString().replace('.000Z', '+00:00') : 'N/A');
  const keyColumns = (key: FakeKey | undefined): string[] =>
    key
      ? [String(key.active ?? true), d(key.rotated), d(key.lastUsed), key.lastUsed ? 'eu-west-1' : 'N/A', key.lastUsed ? 'iam' : 'N/A']
      : ['false', 'N/A', 'N/A', 'N/A', 'N/A'];
  const root = [
    '<root_account>', `arn:aws:iam::${account.accountId}:root`, '2020-01-01T00:00:00+00:00', 'not_supported', '2026-03-01T00:00:00+00:00', 'not_supported', 'not_supported', String(account.rootMfa),
    ...(account.rootAccessKeys ? ['true', '2021-01-01T00:00:00+00:00', 'N/A', 'N/A', 'N/A'] : ['false', 'N/A', 'N/A', 'N/A', 'N/A']),
    'false', 'N/A', 'N/A', 'N/A', 'N/A', 'false', 'N/A', 'false', 'N/A',
  ];
  const users = account.users.map((u) => [
    u.name, `arn:aws:iam::${account.accountId}:user/${u.name}`, d(u.created),
    String(u.password !== undefined), u.password ? d(u.password.lastUsed) : 'N/A', u.password ? d(u.password.changed) : 'N/A', 'N/A', String(u.mfa ?? false),
    ...keyColumns(u.keys?.[0]), ...keyColumns(u.keys?.[1]), 'false', 'N/A', 'false', 'N/A',
  ]);
  return [CSV_HEADER, root, ...users].map((row) => row.join(',')).join('\n');
}

// --- The responder -----------------------------------------------------------------------------------------------

const ok = (action: string, result: XmlValue = {}): FakeReply => queryResult(IAM_NAMESPACE, action, xml(result));

/** An `AccessDenied` as IAM sends it. */
export function accessDenied(action: string): FakeReply {
  return queryError(IAM_NAMESPACE, 'AccessDenied', `User: arn:aws:iam::123456789012:user/auditor is not authorized to perform: iam:${action} on resource: *`, 403);
}

/** A `Throttling` error as IAM sends it. */
export const throttling = (): FakeReply => queryError(IAM_NAMESPACE, 'Throttling', 'Rate exceeded', 400);

/** Answers the audit's IAM calls from `account`; `overrides` replace answers per action and call number. */
export function iamAccountResponder(account: FakeIamAccount, overrides: Readonly<Record<string, Override>> = {}): (request: FakeRequest) => FakeReply {
  const calls = new Map<string, number>();
  return (request) => {
    const call = (calls.get(request.action) ?? 0) + 1;
    calls.set(request.action, call);
    const overridden = overrides[request.action]?.(request, call);
    if (overridden) return overridden;
    switch (request.action) {
      case 'GetAccountPasswordPolicy':
        return account.passwordPolicy
          ? ok(request.action, { PasswordPolicy: { ...account.passwordPolicy, ExpirePasswords: (account.passwordPolicy.MaxPasswordAge ?? 0) !== 0 } })
          : queryError(IAM_NAMESPACE, 'NoSuchEntity', `The Password Policy with domain name ${account.accountId} cannot be found.`, 404);
      case 'GetAccountSummary':
        return ok(request.action, {
          SummaryMap: new XmlMap({
            Users: account.users.length, Groups: account.groups.length, Roles: account.roles.length, Policies: account.policies.length,
            AccountMFAEnabled: account.rootMfa ? 1 : 0, AccountAccessKeysPresent: account.rootAccessKeys ? 1 : 0, AccountSigningCertificatesPresent: 0,
          }),
        });
      case 'GenerateCredentialReport': {
        const states = account.reportStates ?? ['COMPLETE'];
        const state = states[Math.min(call, states.length) - 1]!;
        return ok(request.action, { State: state, Description: state === 'COMPLETE' ? 'Report is ready' : 'No report exists. Starting a new report generation task' });
      }
      case 'GetCredentialReport':
        return ok(request.action, { Content: Buffer.from(credentialReportCsv(account)).toString('base64'), ReportFormat: 'text/csv', GeneratedTime: account.reportGeneratedAt });
      case 'GetAccountAuthorizationDetails':
        return ok(request.action, authorizationDetailsPage(account, request.params.Marker));
      default:
        return queryError(IAM_NAMESPACE, 'InvalidAction', `The action ${request.action} is not valid for this web service.`, 400);
    }
  };
}

/** Starts the local endpoint answering for `account`. */
export async function startFakeIam(account: FakeIamAccount, overrides: Readonly<Record<string, Override>> = {}): Promise<FakeAwsEndpoint> {
  return FakeAwsEndpoint.start(iamAccountResponder(account, overrides));
}

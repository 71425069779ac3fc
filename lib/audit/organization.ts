import { OrganizationsClient, paginateListAccounts, type Account } from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { abortFor, AuditAbort, errorCode, errorMessage } from './errors';
import { backoff, createIamClient, DEFAULT_IAM_REGION, type IamClientOptions } from './iam-client';
import { exitCodeOf, runAudit, type AuditOptions } from './run';
import type { AuditReport } from './types';

/**
 * `dpp audit --org`: every active account of an AWS Organization, audited through a named
 * read-only role assumed in each, a few accounts at a time.
 */

/** Accounts audited at once by default: IAM throttles per account, STS and Organizations per caller. */
export const DEFAULT_ORG_CONCURRENCY = 4;

/** The role session name CloudTrail records in each audited account. */
export const ORG_SESSION_NAME = 'dpp-audit';

/**
 * IAM role names: up to 64 of letters, digits and `+=,.@_-`.
 * Source: IAM User Guide, "IAM object quotas and names" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html).
 */
export const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

/** An account the organization lists. */
export interface OrgAccount {
  readonly id: string;
  readonly name: string;
  /** `aws`, `aws-cn`, `aws-us-gov`: from the account's ARN, for the role ARN. */
  readonly partition: string;
}

/** One account's part of the organization report: its audit, or why it could not be audited. */
export type OrgAccountResult =
  | { readonly account: string; readonly name: string; readonly status: 'audited'; readonly report: AuditReport }
  | { readonly account: string; readonly name: string; readonly status: 'unreachable'; readonly reason: string };

/** The organization report: `--org --format json` prints exactly this. */
export interface OrgAuditReport {
  readonly version: 1;
  readonly generatedAt: string;
  readonly roleName: string;
  /** Accounts the organization lists but that are not ACTIVE (suspended, pending closure): not audited. */
  readonly skipped: ReadonlyArray<{ readonly account: string; readonly name: string; readonly status: string }>;
  /** In the order Organizations listed them. */
  readonly accounts: readonly OrgAccountResult[];
}

/** How the organization audit reaches AWS. */
export interface OrgAuditOptions extends AuditOptions, Pick<IamClientOptions, 'profile' | 'region' | 'credentials' | 'maxAttempts' | 'retryBaseDelayMs'> {
  /** The role assumed in every account (read-only: docs/audit-org-policy.json). */
  readonly roleName: string;
  /**
   * Accounts audited at once.
   * @default 4
   */
  readonly concurrency?: number;
  /**
   * Endpoint URL of IAM in every account (the tests' local server); Organizations and STS take
   * theirs from AWS_ENDPOINT_URL_ORGANIZATIONS / AWS_ENDPOINT_URL_STS like any SDK client.
   * @default IAM's endpoint
   */
  readonly endpointUrl?: string;
}

function partitionOf(arn: string | undefined): string {
  return /^arn:([^:]+):/.exec(arn ?? '')?.[1] ?? 'aws';
}

/** The clients' shared settings: the caller's credentials (default chain or profile) and the SDK's retries with backoff. */
function clientConfig(options: OrgAuditOptions) {
  return {
    profile: options.profile,
    region: options.region ?? DEFAULT_IAM_REGION,
    credentials: options.credentials,
    retryStrategy: new ConfiguredRetryStrategy(options.maxAttempts ?? 3, backoff(options.retryBaseDelayMs ?? 500)),
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 },
  };
}

/** Every account of the organization (ListAccounts, every page): the ACTIVE ones, and the others apart. */
export async function listOrgAccounts(client: OrganizationsClient): Promise<{ active: OrgAccount[]; skipped: OrgAuditReport['skipped'] }> {
  const active: OrgAccount[] = [];
  const skipped: Array<OrgAuditReport['skipped'][number]> = [];
  try {
    for await (const page of paginateListAccounts({ client }, {})) {
      for (const account of page.Accounts ?? ([] as Account[])) {
        if (!account.Id) continue;
        // `State` replaces `Status`, which AWS retires on 2026-09-09; older answers carry only `Status`.
        // Source: Organizations API Reference, ListAccounts / Account (https://docs.aws.amazon.com/organizations/latest/APIReference/API_Account.html).
        const state = account.State ?? account.Status ?? 'UNKNOWN';
        if (state === 'ACTIVE') active.push({ id: account.Id, name: account.Name ?? '', partition: partitionOf(account.Arn) });
        else skipped.push({ account: account.Id, name: account.Name ?? '', status: state });
      }
    }
  } catch (error) {
    throw abortFor(error) ?? new AuditAbort(`cannot list the organization's accounts (organizations:ListAccounts, ${errorCode(error)}): ${errorMessage(error)}; run from the management account or a delegated administrator`);
  }
  return { active, skipped };
}

/** Runs `work` over `items` with at most `limit` at once; results in the items' order. */
async function mapBounded<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Audits one account through the role; any failure makes it `unreachable` with the reason, never a pass. */
async function auditAccount(account: OrgAccount, sts: STSClient, options: OrgAuditOptions): Promise<OrgAccountResult> {
  const roleArn = `arn:${account.partition}:iam::${account.id}:role/${options.roleName}`;
  const base = { account: account.id, name: account.name };
  let credentials;
  try {
    const assumed = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: ORG_SESSION_NAME }));
    const c = assumed.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) return { ...base, status: 'unreachable', reason: `sts:AssumeRole on ${roleArn} returned no credentials` };
    credentials = { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration };
  } catch (error) {
    return { ...base, status: 'unreachable', reason: `cannot assume ${roleArn} (${errorCode(error)}): ${errorMessage(error)}` };
  }
  const iam = createIamClient({ region: options.region, endpointUrl: options.endpointUrl, credentials, maxAttempts: options.maxAttempts, retryBaseDelayMs: options.retryBaseDelayMs });
  try {
    return { ...base, status: 'audited', report: await runAudit(iam, options) };
  } catch (error) {
    return { ...base, status: 'unreachable', reason: error instanceof AuditAbort ? error.message : `the audit failed: ${errorMessage(error)}` };
  } finally {
    iam.destroy();
  }
}

/**
 * Audits every active account of the organization: lists them with Organizations, assumes
 * `roleName` in each with STS, and runs the single-account audit there, `concurrency` accounts
 * at a time. An account that cannot be reached is listed with the reason and the others go on.
 * Rejects with {@link AuditAbort} only when the organization itself cannot be listed.
 */
export async function runOrgAudit(options: OrgAuditOptions): Promise<OrgAuditReport> {
  const organizations = new OrganizationsClient(clientConfig(options));
  const sts = new STSClient(clientConfig(options));
  try {
    const { active, skipped } = await listOrgAccounts(organizations);
    if (active.length === 0) throw new AuditAbort('the organization lists no ACTIVE account to audit');
    const accounts = await mapBounded(active, options.concurrency ?? DEFAULT_ORG_CONCURRENCY, (account) => auditAccount(account, sts, options));
    return { version: 1, generatedAt: (options.now ?? new Date()).toISOString(), roleName: options.roleName, skipped, accounts };
  } finally {
    organizations.destroy();
    sts.destroy();
  }
}

/**
 * 0 when every account was audited with no error-level finding; 1 when one has an error-level
 * finding or could not be audited (an account not audited is never a pass). Exit 2 (the
 * organization cannot be listed) comes as an {@link AuditAbort}.
 */
export function orgExitCodeOf(report: OrgAuditReport): 0 | 1 {
  return report.accounts.some((a) => a.status === 'unreachable' || exitCodeOf(a.report) === 1) ? 1 : 0;
}

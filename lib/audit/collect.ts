import {
  GenerateCredentialReportCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  paginateGetAccountAuthorizationDetails,
  type GetAccountAuthorizationDetailsCommandOutput,
  type IAMClient,
  type PasswordPolicy,
} from '@aws-sdk/client-iam';
import { authorizationDetailsOf, type AuthorizationDetails } from './authorization-details';
import { parseCredentialReport, type CredentialReportRow } from './credential-report';
import { abortFor, AuditAbort, errorCode, errorMessage, isAccessDenied } from './errors';

/** What one IAM source gave: its data, or why it could not be read (the checks that need it are then not run). */
export type Source<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

export interface CredentialReport {
  readonly generatedAt: Date | undefined;
  readonly rows: readonly CredentialReportRow[];
}

/** Everything the audit reads from IAM, each source independently available or not. */
export interface IamSnapshot {
  /** The account password policy; undefined when none is set. */
  readonly passwordPolicy: Source<PasswordPolicy | undefined>;
  /** `GetAccountSummary`'s map (`AccountMFAEnabled`, `AccountAccessKeysPresent`, …). */
  readonly accountSummary: Source<Readonly<Record<string, number>>>;
  readonly credentialReport: Source<CredentialReport>;
  readonly authorization: Source<AuthorizationDetails>;
}

export interface CollectOptions {
  /**
   * The endpoint URL the client was given, named in error messages.
   * @default none: the messages say "IAM"
   */
  readonly endpointUrl?: string;
  /**
   * How many times to ask for the credential report before giving up.
   * @default 30
   */
  readonly reportPollAttempts?: number;
  /**
   * Delay between two credential report polls, in milliseconds.
   * @default 2000
   */
  readonly reportPollDelayMs?: number;
}

/** A call failed for a reason that concerns only its own source. */
class SourceUnavailable extends Error {}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Reads the account's IAM state. Each source is read independently: AccessDenied (or another service error) on one
 * only marks that source unavailable; no credentials or an unreachable endpoint rejects with `AuditAbort`.
 */
export async function collectIamSnapshot(client: IAMClient, options: CollectOptions): Promise<IamSnapshot> {
  const call = async <T>(action: string, send: () => Promise<T>): Promise<T> => {
    try {
      return await send();
    } catch (error) {
      if (error instanceof SourceUnavailable || error instanceof AuditAbort) throw error;
      if (isAccessDenied(error)) throw new SourceUnavailable(`missing permission iam:${action}`);
      throw abortFor(error, options.endpointUrl) ?? new SourceUnavailable(`iam:${action} failed: ${errorCode(error)}: ${errorMessage(error)}`);
    }
  };

  const passwordPolicy = (): Promise<PasswordPolicy | undefined> =>
    call('GetAccountPasswordPolicy', async () => {
      try {
        return (await client.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy;
      } catch (error) {
        // IAM answers NoSuchEntity when the account has no password policy: a finding, not a failure.
        if (['NoSuchEntity', 'NoSuchEntityException'].includes(errorCode(error))) return undefined;
        throw error;
      }
    });

  const accountSummary = (): Promise<Record<string, number>> =>
    call('GetAccountSummary', async () => {
      const out = await client.send(new GetAccountSummaryCommand({}));
      return Object.fromEntries(Object.entries(out.SummaryMap ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number'));
    });

  const authorization = (): Promise<AuthorizationDetails> =>
    call('GetAccountAuthorizationDetails', async () => {
      const pages: GetAccountAuthorizationDetailsCommandOutput[] = [];
      const paginator = paginateGetAccountAuthorizationDetails({ client }, { Filter: ['User', 'Group', 'Role', 'LocalManagedPolicy'] });
      for await (const page of paginator) pages.push(page);
      return authorizationDetailsOf(pages);
    });

  const credentialReport = async (): Promise<CredentialReport> => {
    const attempts = options.reportPollAttempts ?? 30;
    let generation: SourceUnavailable | undefined;
    try {
      for (let poll = 1; ; poll++) {
        const out = await call('GenerateCredentialReport', () => client.send(new GenerateCredentialReportCommand({})));
        if (out.State === 'COMPLETE') break;
        if (poll >= attempts) throw new SourceUnavailable(`the credential report was not ready after ${attempts} polls of iam:GenerateCredentialReport`);
        await sleep(options.reportPollDelayMs ?? 2_000);
      }
    } catch (error) {
      if (!(error instanceof SourceUnavailable)) throw error;
      // A report generated earlier (IAM keeps one for 4 hours) may still be readable.
      generation = error;
    }
    try {
      const out = await call('GetCredentialReport', () => client.send(new GetCredentialReportCommand({})));
      const csv = out.Content ? Buffer.from(out.Content).toString('utf8') : '';
      return { generatedAt: out.GeneratedTime, rows: readReport(csv) };
    } catch (error) {
      throw generation && error instanceof SourceUnavailable ? generation : error;
    }
  };

  // Independent sources run side by side; all settle before returning, so no poll outlives an aborted audit.
  const settled = await Promise.allSettled([passwordPolicy(), accountSummary(), credentialReport(), authorization()]);
  const abort = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected' && !(s.reason instanceof SourceUnavailable));
  if (abort) throw abort.reason instanceof AuditAbort ? abort.reason : new AuditAbort(errorMessage(abort.reason));
  const [pp, summary, report, auth] = settled;
  return {
    passwordPolicy: toSource(pp),
    accountSummary: toSource(summary),
    credentialReport: toSource(report),
    authorization: toSource(auth),
  };
}

function readReport(csv: string): CredentialReportRow[] {
  try {
    return parseCredentialReport(csv);
  } catch (error) {
    throw new SourceUnavailable(`the credential report could not be read: ${errorMessage(error)}`);
  }
}

function toSource<T>(result: PromiseSettledResult<T>): Source<T> {
  return result.status === 'fulfilled' ? { ok: true, value: result.value } : { ok: false, reason: (result.reason as Error).message };
}

/** The 12-digit account ID, read from the ARNs IAM returned (no STS call needed); `unknown` when no ARN was readable. */
export function accountIdOf(snapshot: IamSnapshot): string {
  const arns: string[] = [];
  if (snapshot.authorization.ok) {
    const { users, groups, roles, policies } = snapshot.authorization.value;
    for (const item of [...users, ...groups, ...roles, ...policies]) arns.push(item.arn);
  }
  if (snapshot.credentialReport.ok) arns.push(...snapshot.credentialReport.value.rows.map((r) => r.arn));
  for (const arn of arns) {
    const match = /^arn:[^:]+:iam::(\d{12}):/.exec(arn);
    if (match) return match[1]!;
  }
  return 'unknown';
}

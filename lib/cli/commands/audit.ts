import { InvalidArgumentError, Option, type Command } from 'commander';
import {
  AUDIT_FORMATS,
  AuditAbort,
  createIamClient,
  DEFAULT_INACTIVE_DAYS,
  DEFAULT_KEY_MAX_AGE_DAYS,
  exitCodeOf,
  formatAuditReport,
  formatOrgAuditReport,
  orgExitCodeOf,
  orgSummaryLine,
  ROLE_NAME,
  runAudit,
  runOrgAudit,
  summaryLine,
  type AuditFormat,
} from '../../audit';
import { PolicyError } from '../../policy/errors';
import { UsageError } from '../errors';
import { writeOutput } from '../output';
import { profileOption, selectedProfile } from '../profile-option';

interface AuditCommandOptions {
  /** The policy profile (`--profile`). */
  readonly profile?: string;
  /** The AWS credentials profile (`--aws-profile`). */
  readonly awsProfile?: string;
  readonly region?: string;
  readonly endpointUrl?: string;
  readonly format: AuditFormat;
  readonly output?: string;
  readonly inactiveDays?: number;
  readonly keyMaxAgeDays?: number;
  readonly org?: boolean;
  readonly roleName?: string;
  readonly concurrency?: number;
}

/** Most accounts `--concurrency` audits at once (STS and Organizations throttle the caller). */
const MAX_ORG_CONCURRENCY = 20;

function concurrency(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < 1 || n > MAX_ORG_CONCURRENCY) throw new InvalidArgumentError(`expected a whole number of accounts from 1 to ${MAX_ORG_CONCURRENCY}.`);
  return n;
}

function roleName(value: string): string {
  if (!ROLE_NAME.test(value)) throw new InvalidArgumentError('expected an IAM role name (up to 64 letters, digits and +=,.@_-), not an ARN or a path.');
  return value;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of days, 1 or more.');
  return n;
}

function endpointUrl(value: string): string {
  try {
    new URL(value);
    return value;
  } catch {
    throw new InvalidArgumentError('expected a URL such as https://iam.amazonaws.com.');
  }
}

/**
 * Registers `dpp audit`: audits the live account's IAM against DPP 2.2, 2.3 and 2.4 and produces the access review.
 * Exit codes: 0 no error-level finding, 1 error-level findings, 2 cannot run (no credentials, unreachable endpoint,
 * bad flags).
 */
export function registerAudit(program: Command, state: { exitCode: number }): void {
  program
    .command('audit')
    .description('audit the live AWS account\'s IAM against DPP 2.2, 2.3 and 2.4, and produce the quarterly access review')
    .addOption(profileOption())
    .option('--aws-profile <name>', 'AWS profile of the shared config/credentials files to use (default: the default credential chain)')
    .option('--region <region>', 'region for the IAM client; IAM is global (default: AWS_REGION, the profile\'s region, else us-east-1)')
    .option('--endpoint-url <url>', 'call this endpoint instead of IAM\'s', endpointUrl)
    .addOption(new Option('--format <format>', 'output format').choices(AUDIT_FORMATS).default('text'))
    .option('--output <file>', 'write the report to this file (atomically) instead of stdout')
    .option('--inactive-days <days>', `console access or access keys unused for longer are stale (default: the profile's, ${DEFAULT_INACTIVE_DAYS} in dpp)`, positiveInteger)
    .option('--key-max-age-days <days>', `active access keys older than this must be rotated (default: the profile's, ${DEFAULT_KEY_MAX_AGE_DAYS} in dpp)`, positiveInteger)
    .option('--org', 'audit every ACTIVE account of the AWS Organization (run from the management or a delegated administrator account)')
    .option('--role-name <name>', 'with --org: the read-only role to assume in each account (docs/audit-org-policy.json)', roleName)
    .option('--concurrency <n>', `with --org: accounts audited at once (1 to ${MAX_ORG_CONCURRENCY})`, concurrency)
    .action(async (options: AuditCommandOptions) => {
      if (!options.org && (options.roleName !== undefined || options.concurrency !== undefined)) {
        throw new UsageError(`${options.roleName !== undefined ? '--role-name' : '--concurrency'} is only for --org`);
      }
      if (options.org && options.roleName === undefined) throw new UsageError('--org needs --role-name: the read-only role to assume in each account');
      state.exitCode = options.org ? await auditOrganization(options, options.roleName!) : await audit(options);
    });
}

/** Writes a rendered report to --output (atomically) with a one-line note, or to stdout. */
function deliver(rendered: string, options: AuditCommandOptions, subject: string, summary: string): void {
  if (!options.output) {
    process.stdout.write(rendered);
    return;
  }
  try {
    writeOutput(rendered, options.output);
  } catch (error) {
    throw new AuditAbort((error as Error).message);
  }
  process.stdout.write(`dpp audit: wrote the ${options.format} report ${subject} to ${options.output} (${summary})\n`);
}

async function auditOrganization(options: AuditCommandOptions, role: string): Promise<number> {
  const policy = auditProfile(options);
  try {
    const report = await runOrgAudit({
      profile: options.awsProfile,
      policy,
      region: options.region,
      endpointUrl: options.endpointUrl,
      roleName: role,
      concurrency: options.concurrency,
      inactiveDays: options.inactiveDays,
      keyMaxAgeDays: options.keyMaxAgeDays,
    });
    deliver(formatOrgAuditReport(report, options.format), options, `for ${report.accounts.length} accounts`, orgSummaryLine(report));
    return orgExitCodeOf(report);
  } catch (error) {
    if (!(error instanceof AuditAbort)) throw error;
    process.stderr.write(`dpp audit: ${error.message}\n`);
    return 2;
  }
}

/** The policy profile, with a hint for a `--profile` meant as the AWS profile (its meaning before profiles existed). */
function auditProfile(options: AuditCommandOptions) {
  try {
    return selectedProfile(options);
  } catch (error) {
    if (!(error instanceof PolicyError)) throw error;
    throw new PolicyError(error.problems.map((line) => `${line} (for AWS credentials use --aws-profile)`));
  }
}

async function audit(options: AuditCommandOptions): Promise<number> {
  const policy = auditProfile(options);
  const client = createIamClient({ profile: options.awsProfile, region: options.region, endpointUrl: options.endpointUrl });
  try {
    const report = await runAudit(client, {
      inactiveDays: options.inactiveDays,
      keyMaxAgeDays: options.keyMaxAgeDays,
      policy,
      endpointUrl: options.endpointUrl,
    });
    deliver(formatAuditReport(report, options.format), options, `for account ${report.account}`, summaryLine(report));
    return exitCodeOf(report);
  } catch (error) {
    if (!(error instanceof AuditAbort)) throw error;
    process.stderr.write(`dpp audit: ${error.message}\n`);
    return 2;
  } finally {
    client.destroy();
  }
}

import { InvalidArgumentError, Option, type Command } from 'commander';
import {
  AUDIT_FORMATS,
  AuditAbort,
  createIamClient,
  DEFAULT_INACTIVE_DAYS,
  DEFAULT_KEY_MAX_AGE_DAYS,
  exitCodeOf,
  formatAuditReport,
  runAudit,
  summaryLine,
  type AuditFormat,
} from '../../audit';
import { PolicyError } from '../../policy/errors';
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
    .action(async (options: AuditCommandOptions) => {
      state.exitCode = await audit(options);
    });
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
    const rendered = formatAuditReport(report, options.format);
    if (options.output) {
      try {
        writeOutput(rendered, options.output);
      } catch (error) {
        throw new AuditAbort((error as Error).message);
      }
      process.stdout.write(`dpp audit: wrote the ${options.format} report for account ${report.account} to ${options.output} (${summaryLine(report)})\n`);
    } else {
      process.stdout.write(rendered);
    }
    return exitCodeOf(report);
  } catch (error) {
    if (!(error instanceof AuditAbort)) throw error;
    process.stderr.write(`dpp audit: ${error.message}\n`);
    return 2;
  } finally {
    client.destroy();
  }
}

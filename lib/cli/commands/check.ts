import { InvalidArgumentError, Option, type Command } from 'commander';
import { providedElsewhereLine, type RuleSet } from '../../checks/engine';
import { dppRuleSet } from '../../checks/rules';
import { complianceDiff } from '../../diff/compliance-diff';
import { InputError } from '../../loading/errors';
import { loadPaths } from '../../loading/load-paths';
import type { Notice } from '../../loading/loaded-template';
import { checkTemplates, isFailing, summarise, type FailLevel } from '../../reports/check-report';
import { CheckJsonFormatter } from '../../reports/check-json';
import { CheckJunitFormatter } from '../../reports/check-junit';
import { formatCheckMarkdown } from '../../reports/check-markdown';
import { CheckSarifFormatter } from '../../reports/check-sarif';
import { checkStream } from '../../reports/check-stream';
import { TotalsCounter, type CheckFormatter, type CheckTotals } from '../../reports/check-stream-format';
import { CheckTextFormatter, plural } from '../../reports/check-text';
import { colourWanted } from '../../reports/colour';
import { StreamedOutput, writeOutput } from '../output';
import { profileOption, selectedProfile } from '../profile-option';
import { packageVersion } from '../version';

type Format = 'text' | 'json' | 'sarif' | 'junit' | 'markdown';

interface CheckOptions {
  readonly format: Format;
  readonly output?: string;
  readonly failOn: FailLevel;
  readonly jobs: number;
  readonly profile?: string;
  readonly environmentControlsFrom?: string;
  readonly compareTo?: string;
}

/** The rules of one run: the profile's, less the environment controls a workload app leaves to its baseline. */
interface CheckRun {
  readonly ruleSet: RuleSet;
  /** Where the environment controls come from (`--environment-controls-from`), and the note that says so. */
  readonly providedElsewhere?: Notice;
}

export const PATHS_HELP = 'templates (.json, .yaml, .yml, .template), directories of them (recursive), or cloud assemblies (cdk.out)';

function streamingFormatter(format: Exclude<Format, 'markdown'>, options: CheckOptions, ruleSet: RuleSet): CheckFormatter {
  switch (format) {
    case 'json':
      return new CheckJsonFormatter(ruleSet.policy);
    case 'sarif':
      return new CheckSarifFormatter(ruleSet, packageVersion());
    case 'junit':
      return new CheckJunitFormatter(options.failOn);
    default:
      return new CheckTextFormatter({ colour: !options.output && colourWanted(process.stdout), failOn: options.failOn }, ruleSet.rules.length);
  }
}

/** Most worker threads `--jobs` starts. */
export const MAX_JOBS = 64;

function jobsOption(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < 1 || n > MAX_JOBS) throw new InvalidArgumentError(`expected a whole number of worker threads from 1 to ${MAX_JOBS}.`);
  return n;
}

function checkRun(paths: readonly string[], options: CheckOptions): CheckRun {
  const all = dppRuleSet(selectedProfile(options));
  if (options.environmentControlsFrom === undefined) return { ruleSet: all };
  const from = options.environmentControlsFrom.trim();
  if (!from) throw new InputError('--environment-controls-from: must name the baseline that provides the environment controls (e.g. DppBaseline-prod)');
  return { ruleSet: all.withoutEnvironmentControls(), providedElsewhere: { template: paths.join(' '), message: providedElsewhereLine(all.environmentControls, from) } };
}

/**
 * Streams the check into the report: one template at a time through the formatter into a spool,
 * so memory stays flat; the report appears (stdout) or replaces `--output` only once complete.
 */
async function streamedCheck(paths: string[], options: CheckOptions, format: Exclude<Format, 'markdown'>, run: CheckRun): Promise<CheckTotals> {
  const formatter = streamingFormatter(format, options, run.ruleSet);
  const counter = new TotalsCounter(options.failOn);
  const out = new StreamedOutput(options.output);
  try {
    const templateNotices: Notice[] = [];
    let inputNotices: readonly Notice[] = [];
    const stream = checkStream(paths, { jobs: options.jobs, profile: run.ruleSet.policy, withoutEnvironmentControls: run.providedElsewhere !== undefined });
    for await (const event of stream) {
      if (event.type === 'input-notices') {
        inputNotices = event.notices;
        continue;
      }
      counter.add(event.result);
      templateNotices.push(...event.result.notices);
      out.write(formatter.template(event.result));
    }
    const totals = counter.totals([...inputNotices, ...templateNotices, ...(run.providedElsewhere ? [run.providedElsewhere] : [])]);
    const { head, tail } = formatter.frame(totals);
    out.finish(head, tail);
    return totals;
  } catch (error) {
    out.abort();
    throw error;
  }
}

/**
 * The markdown job summary: one whole report (it groups findings per clause and, with
 * `--compare-to`, lists what the change introduced), so it is not streamed.
 */
function markdownCheck(paths: string[], options: CheckOptions, run: CheckRun): CheckTotals {
  const checked = checkTemplates(loadPaths(paths), run.ruleSet);
  const report = run.providedElsewhere ? { ...checked, notices: [...checked.notices, run.providedElsewhere] } : checked;
  const introduced = options.compareTo ? complianceDiff(checkTemplates(loadPaths([options.compareTo]), run.ruleSet), options.compareTo, report, paths[0]).introduced : undefined;
  writeOutput(formatCheckMarkdown(report, { failOn: options.failOn, introduced }), options.output);
  return { ...summarise(report), notices: report.notices, failing: report.findings.some((f) => isFailing(f, options.failOn)) };
}

/** Registers `dpp check PATH... [--format] [--output] [--fail-on] [--jobs] [--profile] [--environment-controls-from] [--compare-to]`. */
export function registerCheck(program: Command, state: { exitCode: number }): void {
  program
    .command('check')
    .description('check templates and cloud assemblies against the DPP rules (the same rules as the synth-time DppChecks pack)')
    .argument('<paths...>', PATHS_HELP)
    .addOption(new Option('-f, --format <format>', 'report format').choices(['text', 'json', 'sarif', 'junit', 'markdown']).default('text'))
    .option('-o, --output <file>', 'write the report to this file instead of stdout (replaced only once complete)')
    .option('-j, --jobs <n>', `worker threads reading and checking templates (1 to ${MAX_JOBS}; the report is the same whatever n)`, jobsOption, 1)
    .addOption(new Option('--fail-on <level>', 'exit 1 when an unacknowledged finding is at this level or above').choices(['error', 'warning']).default('error'))
    .addOption(profileOption())
    .option('--compare-to <path>', 'markdown: list as new only the findings not in this earlier version (e.g. the base branch\'s cdk.out)')
    .option('--environment-controls-from <baseline>', "a workload app: the account's environment controls (trail, Config recorder, security topic, password policy) come from this separately deployed baseline; those rules are reported as provided there, not run")
    .addHelpText(
      'after',
      `
Acknowledgments are read from template metadata (Metadata.cdk_nag.rules_to_suppress: [{ id, reason }]);
an entry without a reason acknowledges nothing.

Exit codes: 0 no unacknowledged finding at the --fail-on level, 1 at least one, 2 bad input.`,
    )
    .action(async (paths: string[], options: CheckOptions) => {
      if (options.compareTo !== undefined && options.format !== 'markdown') throw new InputError('--compare-to: only with --format markdown (the job summary)');
      const run = checkRun(paths, options);
      const s = options.format === 'markdown' ? markdownCheck(paths, options, run) : await streamedCheck(paths, options, options.format, run);
      if (options.output) {
        process.stdout.write(`dpp: wrote ${options.output}: ${plural(s.templates, 'template')}, ${plural(s.resources, 'resource')}: ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${s.acknowledged} acknowledged\n`);
      }
      state.exitCode = s.failing ? 1 : 0;
    });
}

import { InvalidArgumentError, Option, type Command } from 'commander';
import type { RuleSet } from '../../checks/engine';
import { dppRuleSet } from '../../checks/rules';
import type { Notice } from '../../loading/loaded-template';
import type { FailLevel } from '../../reports/check-report';
import { CheckJsonFormatter } from '../../reports/check-json';
import { CheckJunitFormatter } from '../../reports/check-junit';
import { CheckSarifFormatter } from '../../reports/check-sarif';
import { checkStream } from '../../reports/check-stream';
import { TotalsCounter, type CheckFormatter, type CheckTotals } from '../../reports/check-stream-format';
import { CheckTextFormatter, plural } from '../../reports/check-text';
import { colourWanted } from '../../reports/colour';
import { StreamedOutput } from '../output';
import { profileOption, selectedProfile } from '../profile-option';
import { packageVersion } from '../version';

type Format = 'text' | 'json' | 'sarif' | 'junit';

interface CheckOptions {
  readonly format: Format;
  readonly output?: string;
  readonly failOn: FailLevel;
  readonly jobs: number;
  readonly profile?: string;
}

export const PATHS_HELP = 'templates (.json, .yaml, .yml, .template), directories of them (recursive), or cloud assemblies (cdk.out)';

function formatter(options: CheckOptions, ruleSet: RuleSet): CheckFormatter {
  const rules = ruleSet.rules;
  switch (options.format) {
    case 'json':
      return new CheckJsonFormatter(ruleSet.policy);
    case 'sarif':
      return new CheckSarifFormatter(ruleSet, packageVersion());
    case 'junit':
      return new CheckJunitFormatter(options.failOn);
    default:
      return new CheckTextFormatter({ colour: !options.output && colourWanted(process.stdout), failOn: options.failOn }, rules.length);
  }
}

/** Most worker threads `--jobs` starts. */
export const MAX_JOBS = 64;

function jobsOption(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < 1 || n > MAX_JOBS) throw new InvalidArgumentError(`expected a whole number of worker threads from 1 to ${MAX_JOBS}.`);
  return n;
}

/**
 * Streams the check into the report: one template at a time through the formatter into a spool,
 * so memory stays flat; the report appears (stdout) or replaces `--output` only once complete.
 */
async function check(paths: string[], options: CheckOptions): Promise<CheckTotals> {
  const ruleSet = dppRuleSet(selectedProfile(options));
  const format = formatter(options, ruleSet);
  const counter = new TotalsCounter(options.failOn);
  const out = new StreamedOutput(options.output);
  try {
    const templateNotices: Notice[] = [];
    let inputNotices: readonly Notice[] = [];
    for await (const event of checkStream(paths, { jobs: options.jobs, profile: ruleSet.policy })) {
      if (event.type === 'input-notices') {
        inputNotices = event.notices;
        continue;
      }
      counter.add(event.result);
      templateNotices.push(...event.result.notices);
      out.write(format.template(event.result));
    }
    const totals = counter.totals([...inputNotices, ...templateNotices]);
    const { head, tail } = format.frame(totals);
    out.finish(head, tail);
    return totals;
  } catch (error) {
    out.abort();
    throw error;
  }
}

/** Registers `dpp check PATH... [--format] [--output] [--fail-on]`. */
export function registerCheck(program: Command, state: { exitCode: number }): void {
  program
    .command('check')
    .description('check templates and cloud assemblies against the DPP rules (the same rules as the synth-time DppChecks pack)')
    .argument('<paths...>', PATHS_HELP)
    .addOption(new Option('-f, --format <format>', 'report format').choices(['text', 'json', 'sarif', 'junit']).default('text'))
    .option('-o, --output <file>', 'write the report to this file instead of stdout (replaced only once complete)')
    .option('-j, --jobs <n>', `worker threads reading and checking templates (1 to ${MAX_JOBS}; the report is the same whatever n)`, jobsOption, 1)
    .addOption(new Option('--fail-on <level>', 'exit 1 when an unacknowledged finding is at this level or above').choices(['error', 'warning']).default('error'))
    .addOption(profileOption())
    .addHelpText(
      'after',
      `
Acknowledgments are read from template metadata (Metadata.cdk_nag.rules_to_suppress: [{ id, reason }]);
an entry without a reason acknowledges nothing.

Exit codes: 0 no unacknowledged finding at the --fail-on level, 1 at least one, 2 bad input.`,
    )
    .action(async (paths: string[], options: CheckOptions) => {
      const s = await check(paths, options);
      if (options.output) {
        process.stdout.write(`dpp: wrote ${options.output}: ${plural(s.templates, 'template')}, ${plural(s.resources, 'resource')}: ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${s.acknowledged} acknowledged\n`);
      }
      state.exitCode = s.failing ? 1 : 0;
    });
}

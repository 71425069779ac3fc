import { Option, type Command } from 'commander';
import { providedElsewhereLine } from '../../checks/engine';
import { dppRuleSet } from '../../checks/rules';
import { loadPaths } from '../../loading/load-paths';
import { complianceDiff } from '../../diff/compliance-diff';
import { checkTemplates, isFailing, summarise, type CheckReport, type FailLevel, type ReportedFinding } from '../../reports/check-report';
import { formatCheckMarkdown } from '../../reports/check-markdown';
import { formatCheckJson } from '../../reports/check-json';
import { formatCheckJunit } from '../../reports/check-junit';
import { formatCheckSarif } from '../../reports/check-sarif';
import { formatCheckText, plural } from '../../reports/check-text';
import { colourWanted } from '../../reports/colour';
import { InputError } from '../../loading/errors';
import { writeOutput } from '../output';
import { packageVersion } from '../version';

type Format = 'text' | 'json' | 'sarif' | 'junit' | 'markdown';

interface CheckOptions {
  readonly format: Format;
  readonly output?: string;
  readonly failOn: FailLevel;
  readonly environmentControlsFrom?: string;
  readonly compareTo?: string;
}

export const PATHS_HELP = 'templates (.json, .yaml, .yml, .template), directories of them (recursive), or cloud assemblies (cdk.out)';

function render(report: CheckReport, options: CheckOptions, introduced?: readonly ReportedFinding[]): string {
  switch (options.format) {
    case 'markdown':
      return formatCheckMarkdown(report, { failOn: options.failOn, introduced });
    case 'json':
      return formatCheckJson(report);
    case 'sarif':
      return formatCheckSarif(report, packageVersion());
    case 'junit':
      return formatCheckJunit(report, options.failOn);
    default:
      return formatCheckText(report, { colour: !options.output && colourWanted(process.stdout), failOn: options.failOn });
  }
}

/** Registers `dpp check PATH... [--format] [--output] [--fail-on]`. */
export function registerCheck(program: Command, state: { exitCode: number }): void {
  program
    .command('check')
    .description('check templates and cloud assemblies against the DPP rules (the same rules as the synth-time DppChecks pack)')
    .argument('<paths...>', PATHS_HELP)
    .addOption(new Option('-f, --format <format>', 'report format').choices(['text', 'json', 'sarif', 'junit', 'markdown']).default('text'))
    .option('-o, --output <file>', 'write the report to this file instead of stdout (replaced only once complete)')
    .addOption(new Option('--fail-on <level>', 'exit 1 when an unacknowledged finding is at this level or above').choices(['error', 'warning']).default('error'))
    .option('--compare-to <path>', 'markdown: list as new only the findings not in this earlier version (e.g. the base branch\'s cdk.out)')
    .option('--environment-controls-from <baseline>', "a workload app: the account's environment controls (trail, Config recorder, security topic, password policy) come from this separately deployed baseline; those rules are reported as provided there, not run")
    .addHelpText(
      'after',
      `
Acknowledgments are read from template metadata (Metadata.cdk_nag.rules_to_suppress: [{ id, reason }]);
an entry without a reason acknowledges nothing.

Exit codes: 0 no unacknowledged finding at the --fail-on level, 1 at least one, 2 bad input.`,
    )
    .action((paths: string[], options: CheckOptions) => {
      const from = options.environmentControlsFrom?.trim();
      if (options.environmentControlsFrom !== undefined && !from) throw new InputError('--environment-controls-from: must name the baseline that provides the environment controls (e.g. DppBaseline-prod)');
      const rules = dppRuleSet();
      const checked = checkTemplates(loadPaths(paths), from ? rules.withoutEnvironmentControls() : rules);
      const report = from ? { ...checked, notices: [...checked.notices, { template: paths.join(' '), message: providedElsewhereLine(rules.environmentControls, from) }] } : checked;
      const ruleSet = from ? rules.withoutEnvironmentControls() : rules;
      const introduced = options.compareTo ? complianceDiff(checkTemplates(loadPaths([options.compareTo]), ruleSet), options.compareTo, report, paths[0]).introduced : undefined;
      writeOutput(render(report, options, introduced), options.output);
      if (options.output) {
        const s = summarise(report);
        process.stdout.write(`dpp: wrote ${options.output}: ${plural(s.templates, 'template')}, ${plural(s.resources, 'resource')}: ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${s.acknowledged} acknowledged\n`);
      }
      state.exitCode = report.findings.some((f) => isFailing(f, options.failOn)) ? 1 : 0;
    });
}

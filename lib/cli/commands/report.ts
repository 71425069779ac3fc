import { Option, type Command } from 'commander';
import { dppRuleSet } from '../../checks/rules';
import { loadPaths } from '../../loading/load-paths';
import { checkTemplates } from '../../reports/check-report';
import { coverage } from '../../reports/coverage';
import { formatCoverageHtml, formatCoverageJson, formatCoverageMarkdown } from '../../reports/coverage-format';
import { processingRecord } from '../../reports/processing';
import { formatProcessingCsv, formatProcessingJson, formatProcessingMarkdown } from '../../reports/processing-format';
import { gitCommit } from '../git-commit';
import { writeOutput } from '../output';
import { profileOption, selectedProfile } from '../profile-option';
import { packageVersion } from '../version';
import { PATHS_HELP } from './check';

const COVERAGE_FORMATS = { markdown: formatCoverageMarkdown, json: formatCoverageJson, html: formatCoverageHtml };
const PROCESSING_FORMATS = { csv: formatProcessingCsv, markdown: formatProcessingMarkdown, json: formatProcessingJson };

/** Registers `dpp report coverage` and `dpp report processing`. */
export function registerReport(program: Command, _state: { exitCode: number }): void {
  const report = program.command('report').description('reports for reviewers: the clause coverage matrix and the record of processing activities');

  report
    .command('coverage')
    .description('the DPP clause coverage matrix: every clause 2.1–3.7 with its status, rules, constructs and what stays procedural; given templates, each rule\'s outcome on them')
    .argument('[paths...]', PATHS_HELP)
    .addOption(new Option('-f, --format <format>', 'output format').choices(Object.keys(COVERAGE_FORMATS)).default('markdown'))
    .option('-o, --output <file>', 'write the report to this file instead of stdout')
    .addOption(profileOption())
    .action((paths: string[], options: { format: keyof typeof COVERAGE_FORMATS; output?: string; profile?: string }) => {
      const rules = dppRuleSet(selectedProfile(options));
      const checked = paths.length > 0 ? checkTemplates(loadPaths(paths), rules) : undefined;
      const matrix = coverage(rules.rules, checked, rules.policy);
      const text = options.format === 'html'
        ? formatCoverageHtml(matrix, { stamp: { generatedAt: new Date().toISOString(), version: packageVersion(), commit: gitCommit(paths[0] ?? '.') } })
        : COVERAGE_FORMATS[options.format](matrix);
      writeOutput(text, options.output);
    });

  report
    .command('processing')
    .description('the record of processing activities (DPP 3.2 Data Governance): every Information store with its environment, origin, classification, encryption and key, retention, public exposure and backups')
    .argument('<paths...>', PATHS_HELP)
    .addOption(new Option('-f, --format <format>', 'output format').choices(Object.keys(PROCESSING_FORMATS)).default('csv'))
    .option('-o, --output <file>', 'write the report to this file instead of stdout')
    .action((paths: string[], options: { format: keyof typeof PROCESSING_FORMATS; output?: string }) => {
      const { templates, indexes } = checkTemplates(loadPaths(paths));
      writeOutput(PROCESSING_FORMATS[options.format](processingRecord(templates, indexes)), options.output);
    });
}

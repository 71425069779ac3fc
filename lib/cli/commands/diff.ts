import type { Command } from 'commander';
import { complianceDiff, introducesError } from '../../diff/compliance-diff';
import { formatDiffText } from '../../diff/format';
import { templateChanges } from '../../diff/template-diff';
import { loadPaths } from '../../loading/load-paths';
import { checkTemplates } from '../../reports/check-report';
import { colourWanted } from '../../reports/colour';
import { dppRuleSet } from '../../checks/rules';
import { writeOutput } from '../output';
import { profileOption, selectedProfile } from '../profile-option';

/** Registers `dpp diff OLD NEW`: the compliance diff and the template diff of a change. */
export function registerDiff(program: Command, state: { exitCode: number }): void {
  program
    .command('diff')
    .description('what a change does to compliance: findings introduced, resolved and unchanged by clause, then the template diff')
    .argument('<old>', 'the template, directory or cloud assembly before the change')
    .argument('<new>', 'the template, directory or cloud assembly after the change')
    .option('-o, --output <file>', 'write the report to this file instead of stdout')
    .addOption(profileOption())
    .addHelpText('after', '\nExit codes: 0 the change introduces no unacknowledged error, 1 it does, 2 bad input.')
    .action((oldPath: string, newPath: string, options: { output?: string; profile?: string }) => {
      const rules = dppRuleSet(selectedProfile(options));
      const before = checkTemplates(loadPaths([oldPath]), rules);
      const after = checkTemplates(loadPaths([newPath]), rules);
      const colour = !options.output && colourWanted(process.stdout);
      const diff = complianceDiff(before, oldPath, after, newPath);
      writeOutput(formatDiffText(diff, templateChanges(before, oldPath, after, newPath, colour), colour), options.output);
      state.exitCode = introducesError(diff) ? 1 : 0;
    });
}

import { Option, type Command } from 'commander';
import { dppRuleSet } from '../../checks/rules';
import { colourWanted } from '../../reports/colour';
import { formatRulesJson, formatRulesText } from '../../reports/rules-catalogue';
import { profileOption, selectedProfile } from '../profile-option';

/** Registers `dpp rules [--format text|json] [--profile]`: the rule catalogue under a profile (its numbers and levels). */
export function registerRules(program: Command, _state: { exitCode: number }): void {
  program
    .command('rules')
    .description('list the DPP rules: id, clause, level, resource types and what each asserts')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(profileOption())
    .action((options: { format: 'text' | 'json'; profile?: string }) => {
      const { rules } = dppRuleSet(selectedProfile(options));
      process.stdout.write(options.format === 'json' ? formatRulesJson(rules) : formatRulesText(rules, colourWanted(process.stdout)));
    });
}

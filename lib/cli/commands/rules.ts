import { Option, type Command } from 'commander';
import { ALL_RULES } from '../../checks/rules';
import { colourWanted } from '../../reports/colour';
import { formatRulesJson, formatRulesText } from '../../reports/rules-catalogue';

/** Registers `dpp rules [--format text|json]`: the rule catalogue. */
export function registerRules(program: Command, _state: { exitCode: number }): void {
  program
    .command('rules')
    .description('list the DPP rules: id, clause, level, resource types and what each asserts')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((options: { format: 'text' | 'json' }) => {
      process.stdout.write(options.format === 'json' ? formatRulesJson(ALL_RULES) : formatRulesText(ALL_RULES, colourWanted(process.stdout)));
    });
}

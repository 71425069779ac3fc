import { Command, CommanderError } from 'commander';
import { InputError } from '../loading/errors';
import { PolicyError } from '../policy/errors';
import { registerAudit } from './commands/audit';
import { registerCheck } from './commands/check';
import { registerDiff } from './commands/diff';
import { registerEvidence } from './commands/evidence';
import { registerReport } from './commands/report';
import { registerRules } from './commands/rules';
import { UsageError } from './errors';
import { packageVersion } from './version';

/**
 * Builds the `dpp` program. Each command registers itself from its own file and sets the exit
 * code through `state.exitCode` (0 ok, 1 findings at the fail level, 2 bad input).
 */
export function buildProgram(state: { exitCode: number }): Command {
  const program = new Command('dpp')
    .description('Check CloudFormation templates and cloud assemblies against the Data Protection Policy (DPP)')
    .version(packageVersion())
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) })
    .showHelpAfterError(false);
  registerCheck(program, state);
  registerRules(program, state);
  registerReport(program, state);
  registerDiff(program, state);
  registerAudit(program, state);
  registerEvidence(program, state);
  return program;
}

/** Runs the CLI with `argv` (as process.argv) and resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const state = { exitCode: 0 };
  const program = buildProgram(state);
  try {
    await program.parseAsync([...argv]);
    return state.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; commander has already printed the usage problem on one line.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof PolicyError) {
      for (const line of error.problems) process.stderr.write(`dpp: ${line}\n`);
      return 2;
    }
    if (error instanceof UsageError || error instanceof InputError) {
      process.stderr.write(`dpp: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

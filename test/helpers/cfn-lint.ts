import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

/**
 * cfn-lint (AWS's CloudFormation linter: resource specifications, allowed values, required
 * properties), where `cfn-lint` is on PATH (CI installs it: `pip install cfn-lint==1.51.*`): an
 * error there is a deploy that fails. Warnings are reported by CI, not failed on.
 */
const version = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' });

/** The installed cfn-lint's version line, or undefined when it is not on PATH. */
export const CFN_LINT_VERSION: string | undefined = version.status === 0 ? version.stdout.trim() : undefined;

interface LintMatch {
  readonly Level: 'Error' | 'Warning' | 'Informational';
  readonly Message: string;
  readonly Filename: string;
  readonly Rule: { readonly Id: string };
  readonly Location: { readonly Path?: readonly (string | number)[] };
}

/** cfn-lint's errors on template files, one line each (file, rule, path, message). Throws when cfn-lint itself crashes. */
export function cfnLintErrors(files: readonly string[]): string[] {
  const run = spawnSync('cfn-lint', ['--format', 'json', '--', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  // Exit codes are a bit mask (2 error, 4 warning, 8 informational); 1 is a crash of cfn-lint itself.
  if (run.status === 1) throw new Error(`cfn-lint crashed: ${run.stderr}`);
  const matches = JSON.parse(run.stdout || '[]') as LintMatch[];
  return matches.filter((m) => m.Level === 'Error').map((m) => `${path.basename(m.Filename)} ${m.Rule.Id} ${(m.Location.Path ?? []).join('/')}: ${m.Message}`);
}

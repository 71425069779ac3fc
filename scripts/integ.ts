/**
 * `npm run integ [-- --profile NAME] [--case baseline|account-controls] [--keep]`: deploys an
 * integration test app (test/integ/integ.<case>.ts; default `baseline`) into the account and region of the AWS profile, reads the
 * assertion results its assertion stack outputs (`AssertionResults*`: `{"status":"success"}` or
 * `{"status":"fail","message":…}`), then destroys the stacks (unless --keep) and exits 0 only if the
 * deploy succeeded and every assertion passed.
 *
 * This does what integ-runner does for one test, with the project's pinned CDK CLI: the newest
 * @aws-cdk/integ-runner on the registry (2.197.10) bundles cloud-assembly schema 53 and refuses the
 * schema 55 assemblies of aws-cdk-lib 2.276.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The integration tests, by name: each an app in test/integ/integ.<name>.ts. */
export const INTEG_CASES = ['baseline', 'account-controls'] as const;
type IntegCase = (typeof INTEG_CASES)[number];

const USAGE = `usage: npm run integ [-- --profile NAME] [--case ${INTEG_CASES.join('|')}] [--keep]`;

/** The command line's options, or the one-line problem with it. */
export function parseArgs(argv: readonly string[]): { profile?: string; integCase: IntegCase; keep: boolean } | { problem: string } {
  const options: { profile?: string; integCase: IntegCase; keep: boolean } = { keep: false, integCase: 'baseline' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') ? argv[i + 1] : undefined;
    if (arg === '--keep') options.keep = true;
    else if (arg === '--profile' && value) options.profile = argv[++i];
    else if (arg === '--case' && value && (INTEG_CASES as readonly string[]).includes(value)) options.integCase = argv[++i] as IntegCase;
    else if (arg === '--profile') return { problem: '--profile needs a profile name' };
    else if (arg === '--case') return { problem: `--case must be one of ${INTEG_CASES.join(', ')}${value ? `, got ${JSON.stringify(value)}` : ''}` };
    else return { problem: `unknown argument ${JSON.stringify(arg)}` };
  }
  return options;
}

/** The failed assertions in a `cdk deploy --outputs-file` document, one line each. */
export function failedAssertions(outputs: Record<string, Record<string, string>>): string[] {
  const failed: string[] = [];
  for (const [stack, values] of Object.entries(outputs)) {
    for (const [key, value] of Object.entries(values)) {
      if (!key.startsWith('AssertionResults')) continue;
      let result: { status?: string; message?: string };
      try {
        result = JSON.parse(value) as typeof result;
      } catch {
        result = { status: 'fail', message: `unreadable result ${JSON.stringify(value)}` };
      }
      if (result.status !== 'success') failed.push(`${stack} ${key}: ${result.message ?? result.status ?? 'no status'}`);
    }
  }
  return failed;
}

function main(): void {
  const parsed = parseArgs(process.argv.slice(2));
  if ('problem' in parsed) {
    console.error(`dpp integ: ${parsed.problem}; ${USAGE}`);
    process.exit(2);
  }
  const { profile, keep, integCase } = parsed;
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-integ-'));
  const outputsFile = path.join(outdir, 'outputs.json');
  const common = ['--app', `npx tsx test/integ/integ.${integCase}.ts`, '--output', path.join(outdir, 'cdk.out'), ...(profile ? ['--profile', profile] : [])];
  const cdk = (args: string[]) => spawnSync('npx', ['cdk', ...args, ...common], { stdio: 'inherit' }).status ?? 1;

  const deployed = cdk(['deploy', '--all', '--require-approval', 'never', '--outputs-file', outputsFile]);
  const failed = deployed === 0 && fs.existsSync(outputsFile)
    ? failedAssertions(JSON.parse(fs.readFileSync(outputsFile, 'utf8')) as Record<string, Record<string, string>>)
    : ['the deploy failed (see the stack events above); nothing was asserted'];
  if (!keep) {
    if (cdk(['destroy', '--all', '--force']) !== 0) failed.push('destroy failed: delete the DppInteg-* stacks by hand');
  }
  if (failed.length > 0) {
    for (const line of failed) console.error(`dpp integ: FAILED ${line}`);
    process.exit(1);
  }
  console.log('dpp integ: every assertion passed');
}

if (require.main === module) main();

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { buildBaselineApp } from '../../lib/app';

/**
 * cfn-lint (AWS's CloudFormation linter: resource specifications, allowed values, required
 * properties) on every template of the default app: an error there is a deploy that fails. It runs
 * where `cfn-lint` is on PATH (CI installs it: `pip install cfn-lint==1.51.*`) and says it skipped
 * otherwise. Warnings are reported, not failed on.
 */
const root = path.join(__dirname, '..', '..');
const cdkJson = JSON.parse(fs.readFileSync(path.join(root, 'cdk.json'), 'utf8'));

const version = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' });
const available = version.status === 0;

interface LintMatch {
  readonly Level: 'Error' | 'Warning' | 'Informational';
  readonly Message: string;
  readonly Filename: string;
  readonly Rule: { readonly Id: string };
  readonly Location: { readonly Path?: readonly (string | number)[] };
}

(available ? describe : describe.skip)(`cfn-lint (${available ? version.stdout.trim() : 'not on PATH: skipped'})`, () => {
  let templates: string[];

  beforeAll(() => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-cfn-lint-')), context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
    buildBaselineApp(app);
    const assembly = app.synth();
    templates = assembly.stacks.map((s) => path.join(assembly.directory, s.templateFile));
  });

  test('reports no error on any template of the default app', () => {
    expect(templates.length).toBeGreaterThanOrEqual(2);
    const run = spawnSync('cfn-lint', ['--format', 'json', '--', ...templates], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    // Exit codes are a bit mask (2 error, 4 warning, 8 informational); 1 is a crash of cfn-lint itself.
    expect(run.status === 1 ? run.stderr : '').toBe('');
    const matches = JSON.parse(run.stdout || '[]') as LintMatch[];
    const errors = matches.filter((m) => m.Level === 'Error').map((m) => `${path.basename(m.Filename)} ${m.Rule.Id} ${(m.Location.Path ?? []).join('/')}: ${m.Message}`);
    expect(errors).toEqual([]);
  });
});

if (!available) {
  test('cfn-lint is not on PATH: the lint of the synthesized templates is skipped (CI runs it)', () => {
    console.warn('cfn-lint not found on PATH: skipped linting the synthesized templates (pip install cfn-lint==1.51.*)');
  });
}

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildBaselineApp } from '../lib/app';

const root = path.join(__dirname, '..');
const cdkJson = JSON.parse(fs.readFileSync(path.join(root, 'cdk.json'), 'utf8'));

describe('the default app (cdk.json configuration)', () => {
  let templates: Record<string, Template>;
  let app: App;

  beforeAll(() => {
    // Bundling of Lambda handlers is skipped here: it does not change what the checks see.
    app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-app-')), context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
    const stacks = buildBaselineApp(app);
    app.synth();
    templates = { test: Template.fromStack(stacks.test), prod: Template.fromStack(stacks.prod) };
  });

  test('synthesizes one stack per environment, in two different accounts', () => {
    const assembly = app.synth();
    const stacks = assembly.stacks.map((s) => ({ name: s.stackName, account: s.environment.account, region: s.environment.region }));
    expect(stacks).toEqual(
      expect.arrayContaining([
        { name: 'DppBaseline-test', account: '111111111111', region: 'eu-west-1' },
        { name: 'DppBaseline-prod', account: '222222222222', region: 'eu-west-1' },
      ]),
    );
    // Besides, per environment outside us-east-1, the stack forwarding console sign-ins there (DPP 2.2 account lockout).
    expect(stacks.filter((s) => !s.name.endsWith('-SignInForwarder'))).toHaveLength(2);
  });

  test('protects prod from termination, not test', () => {
    const assembly = app.synth();
    expect(assembly.getStackByName('DppBaseline-prod').terminationProtection).toBe(true);
    expect(assembly.getStackByName('DppBaseline-test').terminationProtection).toBeFalsy();
  });

  test.each(['test', 'prod'])('tags every taggable resource of %s with its environment', (env) => {
    const resources = (templates[env].toJSON().Resources ?? {}) as Record<string, { Properties?: { Tags?: unknown } }>;
    const tagged = Object.values(resources).filter((r) => Array.isArray(r.Properties?.Tags));
    expect(tagged.length).toBeGreaterThan(10);
    for (const resource of tagged) {
      expect(resource.Properties!.Tags).toEqual(expect.arrayContaining([{ Key: 'dpp:environment', Value: env }]));
    }
  });

  test('the DPP checks passed: the validation report has no unacknowledged error', () => {
    const report = JSON.parse(fs.readFileSync(path.join(app.outdir, 'validation-report.json'), 'utf8'));
    // A plugin with nothing to report is left out of the report.
    const dpp = report.pluginReports.find((r: { pluginName: string }) => r.pluginName === 'DPP');
    const errors = (dpp?.violations ?? []).filter((v: { severity: string }) => v.severity === 'error');
    expect(errors).toEqual([]);
  });
});

describe('bin/app.ts with a bad configuration file', () => {
  const run = (file: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bin', 'app.ts')], {
      cwd: root,
      env: { ...process.env, CDK_CONTEXT_JSON: JSON.stringify({ dppConfigFile: file }), CDK_OUTDIR: fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-bad-')) },
      encoding: 'utf8',
    });

  test('lists every problem on its own line and exits non-zero, without a stack trace', () => {
    const result = run(path.join('test', 'fixtures', 'config', 'hostile.yaml'));
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines.every((l) => l.startsWith('DPP config error: test/fixtures/config/hostile.yaml: environments.'))).toBe(true);
    expect(result.stderr).toContain('environments.test.approvedCidrs[0]: 0.0.0.0/0 is not allowed (DPP 2.1 Network Protection: deny unauthorised IPs)');
    expect(result.stderr).toContain('environments.test.sshFromAnywhere: unknown key');
    expect(result.stderr).toContain('environments.prod.account: test and prod use the same account');
    expect(result.stderr).toContain('environments.prod.alertEmail: is required');
    expect(lines.length).toBeGreaterThanOrEqual(8);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  test('names a file that does not parse, with its line', () => {
    const result = run(path.join('test', 'fixtures', 'config', 'broken.yaml'));
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/^DPP config error: test\/fixtures\/config\/broken\.yaml:\d+:\d+: not valid YAML/);
  });
});

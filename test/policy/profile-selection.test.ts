import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { App, Stack } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { DppChecks } from '../../lib/checks/nag-pack';
import { dppRuleSet } from '../../lib/checks/rules';
import { LogGroupRetention } from '../../lib/checks/rules/3.6-logging-monitoring/log-group-retention';
import { POLICY_CONTEXT_KEY } from '../../lib/policy/context';
import { DPP, DPP_2025 } from '../../lib/policy/profile';
import { dpp, fixture } from '../cli/run-cli';
import { check, findingsOf, parameters, template } from '../helpers/check';

const root = path.join(__dirname, '../..');
const LOG_GROUP_180 = { Logs: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 180 } } };

describe('a log group kept 180 days', () => {
  test('passes under dpp and fails under dpp-2025 on templates, the message stating the profile\'s number', () => {
    expect(findingsOf(LogGroupRetention, LOG_GROUP_180)).toEqual([]);
    const [finding] = findingsOf(LogGroupRetention, LOG_GROUP_180, {}, DPP_2025);
    expect(finding).toMatchObject({ ruleId: 'DPP-3.6-LogGroupRetention', level: 'error', logicalId: 'Logs' });
    expect(finding.message).toBe('log group keeps logs 180 days, less than 365; profile dpp-2025 requires at least 365. Fix: Set RetentionInDays to 365 or more (the environment\'s logRetentionDays)');
  });

  test('a retention given by a parameter is a warning under both profiles, never a pass', () => {
    for (const policy of [DPP, DPP_2025]) {
      const findings = findingsOf(LogGroupRetention, { Logs: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: { Ref: 'Days' } } } }, parameters('Days'), policy);
      expect(findings).toEqual([expect.objectContaining({ level: 'warning' })]);
    }
  });

  test('two profiles checked side by side in one process give each its own answer', () => {
    const t = template(LOG_GROUP_180);
    const [under2025, underDpp] = [check(t, undefined, DPP_2025), check(t, undefined, DPP)];
    expect(under2025.filter((f) => f.ruleId === 'DPP-3.6-LogGroupRetention')).toHaveLength(1);
    expect(underDpp.filter((f) => f.ruleId === 'DPP-3.6-LogGroupRetention')).toHaveLength(0);
    expect(dppRuleSet(DPP_2025)).toBe(dppRuleSet(DPP_2025));
    expect(dppRuleSet(DPP_2025).rules.length).toBeGreaterThan(dppRuleSet(DPP).rules.length);
  });

  test.each([
    ['dpp', 0],
    ['dpp-2025', 1],
  ])('synth-time DppChecks({ profile: %s }) agrees with the template path', (profile, errors) => {
    const app = new App();
    const stack = new Stack(app, 'S');
    new logs.LogGroup(stack, 'Logs', { retention: logs.RetentionDays.SIX_MONTHS });
    app.synth();
    const report = new DppChecks(app, { profile }).validateScope(app);
    const found = report.violations.filter((v) => v.ruleName === 'DPP-3.6-LogGroupRetention');
    expect(found).toHaveLength(errors);
    if (errors) expect(found[0].description).toContain('profile dpp-2025 requires at least 365');
  });

  test('DppChecks defaults to the profile in the app\'s construct context', () => {
    const app = new App({ context: { [POLICY_CONTEXT_KEY]: 'dpp-2025' } });
    expect(new DppChecks(app).policy).toBe(DPP_2025);
    expect(new DppChecks(new App()).policy).toBe(DPP);
  });
});

describe('dpp check --profile', () => {
  test('dpp passes the 180-day log group, dpp-2025 fails it (exit 1), naming the profile', async () => {
    expect((await dpp('check', fixture('templates/log-group-180-days.yaml'))).code).toBe(0);
    const run = await dpp('check', '--format', 'json', '--profile', 'dpp-2025', fixture('templates/log-group-180-days.yaml'));
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout);
    expect(json.profile).toEqual({ name: 'dpp-2025', base: 'dpp-2025' });
    // The fixture is one untagged template: the environment controls only warn "not checked".
    expect(json.findings.filter((f: { level: string }) => f.level === 'error')).toEqual([expect.objectContaining({ ruleId: 'DPP-3.6-LogGroupRetention', message: expect.stringContaining('profile dpp-2025 requires at least 365') })]);
  });

  test('a team profile file that loosens its base is refused in one line, exit 2', async () => {
    const run = await dpp('check', '--profile', fixture('policy/loosening.yaml'), fixture('templates/log-group-180-days.yaml'));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`dpp: --profile ${fixture('policy/loosening.yaml')}: thresholds.logRetentionDays: 180 days loosens dpp-2025, which requires at least 365 days; a profile may only tighten its base\n`);
  });

  test('a team profile file applies its own numbers', async () => {
    const run = await dpp('check', '--format', 'json', '--profile', fixture('policy/acme-strict.yaml'), fixture('templates/log-group-180-days.yaml'));
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).profile).toEqual({ name: 'acme-strict', base: 'dpp-2025' });
    expect(run.stdout).toContain('profile acme-strict requires at least 400');
  });

  test('dpp audit --profile names a policy profile; a former AWS profile name is told about --aws-profile (exit 2, one line)', async () => {
    const run = await dpp('audit', '--profile', 'auditor', '--endpoint-url', 'http://127.0.0.1:9');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('dpp: --profile auditor: not a built-in profile (dpp, dpp-2025) and no such file (for AWS credentials use --aws-profile)\n');
  });

  test('report coverage names the profile and its extra procedural items', async () => {
    const run = await dpp('report', 'coverage', '--profile', 'dpp-2025');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Profile: `dpp-2025`');
    expect(run.stdout).toContain('Critical vulnerabilities fixed within 7 days (profile dpp-2025)');
  });
});

describe('the CDK app with a loosening profile', () => {
  test('exits 1 with one line naming the key, the value and the bound', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-policy-'));
    const config = JSON.parse(fs.readFileSync(path.join(root, 'cdk.json'), 'utf8')).context.dpp;
    const file = path.join(dir, 'config.json');
    fs.writeFileSync(file, JSON.stringify({ ...config, policy: path.join(root, 'test/fixtures/policy/loosening.yaml') }));
    const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bin', 'app.ts')], {
      cwd: root,
      env: { ...process.env, CDK_CONTEXT_JSON: JSON.stringify({ dppConfigFile: file }), CDK_OUTDIR: dir },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      `DPP config error: ${file}: policy ${path.join(root, 'test/fixtures/policy/loosening.yaml')}: thresholds.logRetentionDays: 180 days loosens dpp-2025, which requires at least 365 days; a profile may only tighten its base`,
    ]);
  });
});

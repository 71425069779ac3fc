import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildBaselineApp } from '../../lib/app';
import { DppChecks } from '../../lib/checks/nag-pack';
import { dppRuleSet } from '../../lib/checks/rules';
import { validateConfig, type DppConfigInput } from '../../lib/config';
import { loadPaths } from '../../lib/loading/load-paths';
import { DPP_2025 } from '../../lib/policy/profile';
import { checkTemplates } from '../../lib/reports/check-report';

/**
 * The default app (cdk.json) under `policy: dpp-2025`, synthesized once: the constructs follow
 * the profile, the synth-time checks and `dpp check --profile dpp-2025` agree on it.
 */
const root = path.join(__dirname, '../..');
const cdkJson = JSON.parse(fs.readFileSync(path.join(root, 'cdk.json'), 'utf8'));
const CONTACT = 'Jane Doe <incident-manager@example.com>';

function config2025(): DppConfigInput {
  const raw = structuredClone(cdkJson.context.dpp) as DppConfigInput;
  for (const env of [raw.environments.test, raw.environments.prod]) Object.assign(env, { incidentContact: CONTACT, backupCopyRegion: 'eu-central-1' });
  return { ...raw, policy: 'dpp-2025' } as DppConfigInput;
}

describe('the default app under profile dpp-2025', () => {
  let app: App;
  let templates: Record<'test' | 'prod', Template>;

  beforeAll(() => {
    app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-2025-')), context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
    const stacks = buildBaselineApp(app, validateConfig({ value: config2025(), origin: '' }));
    app.synth();
    templates = { test: Template.fromStack(stacks.test), prod: Template.fromStack(stacks.prod) };
  });

  test('synthesizes clean: the validation report has no unacknowledged error', () => {
    const report = JSON.parse(fs.readFileSync(path.join(app.outdir, 'validation-report.json'), 'utf8'));
    const dpp = report.pluginReports.find((r: { pluginName: string }) => r.pluginName === 'DPP');
    expect((dpp?.violations ?? []).filter((v: { severity: string }) => v.severity === 'error')).toEqual([]);
  });

  test('provisions the profile: lockout after at most 10, reuse prevention of at least 10, log groups of at least 365 days', () => {
    for (const template of Object.values(templates)) {
      const [policy] = Object.values(template.findResources('Custom::AccountPasswordPolicy')) as Array<{ Properties: Record<string, unknown> }>;
      expect(Number(policy.Properties.PasswordReusePrevention)).toBeGreaterThanOrEqual(10);
      const groups = Object.values(template.findResources('AWS::Logs::LogGroup')) as Array<{ Properties: { RetentionInDays?: number } }>;
      expect(groups.length).toBeGreaterThan(0);
      for (const group of groups) expect(group.Properties.RetentionInDays ?? Infinity).toBeGreaterThanOrEqual(365);
      const maxFailures = (Object.values(template.findResources('AWS::Lambda::Function')) as Array<{ Properties: { Environment?: { Variables?: Record<string, string> } } }>)
        .map((f) => f.Properties.Environment?.Variables?.MAX_FAILURES).filter((v): v is string => v !== undefined);
      expect(maxFailures).toHaveLength(1);
      expect(Number(maxFailures[0])).toBeLessThanOrEqual(10);
    }
  });

  test('non-PII buckets expire within 545 days (the trail bucket too, after its lock)', () => {
    const buckets = Object.values(templates.prod.findResources('AWS::S3::Bucket')) as Array<{ Properties: { Tags?: Array<{ Key: string; Value: string }>; LifecycleConfiguration?: { Rules: Array<{ ExpirationInDays?: number }> } } }>;
    const nonPii = buckets.filter((b) => b.Properties.Tags?.some((t) => t.Key === 'dpp:classification' && t.Value !== 'pii'));
    expect(nonPii.length).toBeGreaterThan(0);
    for (const bucket of nonPii) {
      const days = (bucket.Properties.LifecycleConfiguration?.Rules ?? []).map((r) => r.ExpirationInDays).filter((d): d is number => d !== undefined);
      expect(Math.min(...days)).toBeLessThanOrEqual(545);
    }
  });

  test('outputs the incident point of contact', () => {
    templates.prod.hasOutput('IncidentContact', { Value: CONTACT });
  });

  test('synth-time DppChecks and dpp check --profile dpp-2025 give the same findings on the same templates', () => {
    const pack = new DppChecks(app, { profile: 'dpp-2025' });
    const synth = pack.validateScope(app).violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName}|${r.resourceLogicalId ?? ''}`));
    const acknowledged = pack.acknowledged.map((a) => a.ruleId);
    const cli = checkTemplates(loadPaths([app.outdir]), dppRuleSet(DPP_2025)).findings;
    const open = cli.filter((f) => !f.acknowledged).map((f) => `${f.ruleId}|${f.logicalId ?? ''}`);
    expect(new Set(open)).toEqual(new Set(synth));
    expect(new Set(cli.filter((f) => f.acknowledged).map((f) => f.ruleId))).toEqual(new Set(acknowledged));
  });
});

describe('configuration under dpp-2025', () => {
  test('requires the incident contact in each environment, naming the key', () => {
    const raw = { ...structuredClone(cdkJson.context.dpp), policy: 'dpp-2025' };
    expect(() => validateConfig({ value: raw, origin: '' })).toThrow('dpp.environments.test.incidentContact: is required by profile dpp-2025: name the Incident Management Point of Contact (DPP 2.7 Incident Response)');
  });

  test('refuses a log retention of 180 days that dpp accepts', () => {
    const raw = config2025();
    (raw.environments.test as { logRetentionDays?: number }).logRetentionDays = 180;
    expect(() => validateConfig({ value: raw, origin: '' })).toThrow('dpp.environments.test.logRetentionDays: must be at least 365 days (DPP 3.6 Logging and Monitoring, profile dpp-2025), got 180');
    const dpp = structuredClone(cdkJson.context.dpp);
    dpp.environments.test.logRetentionDays = 180;
    expect(validateConfig({ value: dpp, origin: '' }).environments.test.logRetentionDays).toBe(180);
  });

  test('an unknown profile is one line naming the key', () => {
    expect(() => validateConfig({ value: { ...cdkJson.context.dpp, policy: 'dpp-2099' }, origin: '' })).toThrow(/^dpp\.policy dpp-2099: not a built-in profile \(dpp, dpp-2025\) and no such file$/);
  });
});

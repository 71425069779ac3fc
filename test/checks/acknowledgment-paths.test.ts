import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack, Tags, Validations } from 'aws-cdk-lib';
import * as rds from 'aws-cdk-lib/aws-rds';
import { dppRuleIdOf } from '../../lib/checks/acknowledgment';
import { RuleSet } from '../../lib/checks/engine';
import { DppChecks } from '../../lib/checks/nag-pack';
import { RdsStorageEncrypted } from '../../lib/checks/rules/3.4-encryption-at-rest/rds-storage-encrypted';
import { NoHardcodedMasterPassword } from '../../lib/checks/rules/3.5-secure-coding/no-hardcoded-master-password';
import { loadPaths } from '../../lib/loading';
import { checkTemplates, summarise } from '../../lib/reports/check-report';

/**
 * Every acknowledgment form, at synth (`DppChecks` through `Validations`) and in `dpp check` on the
 * template the same synth wrote: one semantics, the same outcome on both paths (CONTROLS.md
 * "Acknowledgments and critical rules").
 */

const RULES = [RdsStorageEncrypted, NoHardcodedMasterPassword];

interface Case {
  readonly name: string;
  readonly id: string;
  readonly reason: string;
  /** Tags of the stack: `prod` + `pii` makes the unencrypted database a critical finding. */
  readonly tags?: Record<string, string>;
  /** A literal master password: always critical. */
  readonly password?: boolean;
  readonly honoured: boolean;
  /** The problem the acknowledgment itself is reported with, when it is not honoured. */
  readonly problem?: RegExp;
}

const REASON = 'Vendor snapshot restore; holds no PII; re-encryption tracked in SEC-12.';

const CASES: readonly Case[] = [
  { name: 'prefixed ID with a reason', id: 'DPP::DPP-3.4-RdsStorageEncrypted', reason: REASON, honoured: true },
  { name: 'bare ID with a reason', id: 'DPP-3.4-RdsStorageEncrypted', reason: REASON, honoured: true },
  { name: 'prefixed ID, empty reason', id: 'DPP::DPP-3.4-RdsStorageEncrypted', reason: '', honoured: false, problem: /has an empty reason/ },
  { name: 'bare ID, whitespace reason', id: 'DPP-3.4-RdsStorageEncrypted', reason: '  \t ', honoured: false, problem: /has an empty reason/ },
  {
    name: 'critical rule: unencrypted PII store in prod',
    id: 'DPP::DPP-3.4-RdsStorageEncrypted',
    reason: REASON,
    tags: { 'dpp:environment': 'prod', 'dpp:classification': 'pii' },
    honoured: false,
    problem: /is a critical rule and cannot be acknowledged on a PII store in the prod environment/,
  },
  { name: 'same rule on a PII store in test: not critical', id: 'DPP-3.4-RdsStorageEncrypted', reason: REASON, tags: { 'dpp:environment': 'test', 'dpp:classification': 'pii' }, honoured: true },
  {
    name: 'critical rule: literal credential (bare ID)',
    id: 'DPP-3.5-NoHardcodedMasterPassword',
    reason: REASON,
    password: true,
    honoured: false,
    problem: /DPP-3.5-NoHardcodedMasterPassword is a critical rule and cannot be acknowledged anywhere/,
  },
];

function synthesize(c: Case) {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-ack-')), builtinCloudFormationValidation: false });
  const stack = new Stack(app, 'Shop', { env: { account: '111111111111', region: 'eu-west-1' } });
  for (const [key, value] of Object.entries(c.tags ?? {})) Tags.of(stack).add(key, value);
  const db = new rds.CfnDBInstance(stack, 'Orders', {
    dbInstanceClass: 'db.t3.micro',
    engine: 'postgres',
    storageEncrypted: c.password ? true : false,
    ...(c.password ? { masterUsername: 'admin', masterUserPassword: 'Tr0ub4dor&3-literal' } : {}),
  });
  Validations.of(db).acknowledge({ id: c.id, reason: c.reason });
  Validations.of(app).addPlugins(new DppChecks(app, { rules: RULES, writeSuppressionsToCloudFormation: true }));
  let failed = false;
  try {
    app.synth();
  } catch {
    failed = true;
  }
  const report = JSON.parse(fs.readFileSync(path.join(app.outdir, 'validation-report.json'), 'utf8')).pluginReports.find((r: { pluginName: string }) => r.pluginName === 'DPP');
  return { outdir: app.outdir, failed, report };
}

describe.each(CASES)('acknowledgment: $name', (c) => {
  const ruleId = dppRuleIdOf(c.id)!;
  const synth = synthesize(c);
  const check = checkTemplates(loadPaths([synth.outdir]), new RuleSet(RULES));

  test('at synth', () => {
    expect(synth.failed).toBe(!c.honoured);
    const suppressed = (synth.report.suppressedViolations ?? []).map((v: { ruleName: string; reason: string }) => [v.ruleName, v.reason]);
    const open = synth.report.violations.map((v: { ruleName: string }) => v.ruleName);
    if (c.honoured) {
      expect(suppressed).toEqual([[ruleId, c.reason]]);
      expect(open).toEqual([]);
    } else {
      expect(suppressed).toEqual([]);
      expect(open).toEqual(expect.arrayContaining([ruleId, 'DPP-Acknowledgment']));
      const ack = synth.report.violations.find((v: { ruleName: string }) => v.ruleName === 'DPP-Acknowledgment');
      expect(ack.description).toMatch(c.problem!);
      // Where it was made: the construct the acknowledgment is on.
      expect(ack.description).toContain('Shop/Orders');
    }
  });

  test('in dpp check, on the template the synth wrote', () => {
    const finding = check.findings.find((f) => f.ruleId === ruleId)!;
    expect(finding.acknowledged).toBe(c.honoured);
    expect(finding.acknowledgedReason).toBe(c.honoured ? c.reason : undefined);
    const problems = check.findings.filter((f) => f.ruleId === 'DPP-Acknowledgment');
    if (c.honoured) {
      expect(problems).toEqual([]);
      expect(summarise(check).errors).toBe(0);
    } else {
      expect(problems).toEqual([expect.objectContaining({ level: 'error', logicalId: 'Orders', acknowledged: false, message: expect.stringMatching(c.problem!) })]);
      expect(summarise(check).errors).toBe(2);
    }
  });
});

test('acknowledgment IDs: both DPP forms name the rule; other packs and other prefixes do not', () => {
  expect(dppRuleIdOf('DPP::DPP-3.4-X')).toBe('DPP-3.4-X');
  expect(dppRuleIdOf('DPP-3.4-X')).toBe('DPP-3.4-X');
  expect(dppRuleIdOf('Annotation::DPP-3.4-X')).toBe('DPP-3.4-X');
  expect(dppRuleIdOf('AwsSolutions-IAM5[Resource::*]')).toBeUndefined();
  expect(dppRuleIdOf('Other::DPP-3.4-X')).toBeUndefined();
});

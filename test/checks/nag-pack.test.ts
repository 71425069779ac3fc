import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, CfnParameter, Lazy, Stack, Validations } from 'aws-cdk-lib';
import * as rds from 'aws-cdk-lib/aws-rds';
import { DppChecks } from '../../lib/checks/nag-pack';
import { RdsStorageEncrypted } from '../../lib/checks/rules/3.4-encryption-at-rest/rds-storage-encrypted';
import { appRule, fail, resourceRule, type Rule } from '../../lib/checks/types';

/** An app with one stack; the DPP pack (limited to `rules`) registered on it. */
function appWith(build: (stack: Stack) => void, rules: readonly Rule[] = [RdsStorageEncrypted], register = true) {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-pack-')), builtinCloudFormationValidation: false });
  const stack = new Stack(app, 'Shop', { env: { account: '111111111111', region: 'eu-west-1' } });
  build(stack);
  const pack = new DppChecks(app, { rules, writeSuppressionsToCloudFormation: true });
  if (register) Validations.of(app).addPlugins(pack);
  return { app, stack, pack };
}

const db = (stack: Stack, id: string, storageEncrypted?: unknown) =>
  new rds.CfnDBInstance(stack, id, { dbInstanceClass: 'db.t3.micro', engine: 'postgres', storageEncrypted: storageEncrypted as boolean | undefined });

function report(app: App) {
  return JSON.parse(fs.readFileSync(path.join(app.outdir, 'validation-report.json'), 'utf8')).pluginReports.find((r: { pluginName: string }) => r.pluginName === 'DPP');
}

describe('DppChecks at synth', () => {
  test('an error fails the synth, naming the rule ID, the clause, the construct path and the fix', () => {
    const { app } = appWith((stack) => db(stack, 'Orders', false));
    expect(() => app.synth()).toThrow(/DPP-3\.4-RdsStorageEncrypted \[DPP 3\.4 Encryption at Rest\]: storage is not encrypted[\s\S]*Shop\/Orders[\s\S]*Suggested fix: Set StorageEncrypted: true/);
  });

  test('the synth message prints the fix once (the CDK prints the violation\'s fix itself)', () => {
    const { app } = appWith((stack) => db(stack, 'Orders', false));
    let message = '';
    try {
      app.synth();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.match(/Set StorageEncrypted: true/g)).toHaveLength(1);
  });

  test('ends with one summary line: rules, resources, errors, warnings, acknowledged and the report\'s path', () => {
    const { app } = appWith((stack) => {
      db(stack, 'Orders', new CfnParameter(stack, 'Encrypt', { type: 'String' }).valueAsString);
      Validations.of(db(stack, 'Legacy', false)).acknowledge({ id: 'DPP::DPP-3.4-RdsStorageEncrypted', reason: 'Vendor snapshot restore; holds no PII; re-encryption tracked in SEC-12.' });
    });
    const printed = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    let calls: unknown[][];
    try {
      app.synth();
    } finally {
      calls = [...printed.mock.calls];
      printed.mockRestore();
    }
    const lines = calls.map((c) => String(c[0])).filter((l) => l.startsWith('DPP checks:'));
    expect(lines).toEqual([`DPP checks: 1 rule, 2 resources: 0 errors, 1 warning, 1 acknowledged; report: ${path.relative(process.cwd(), path.join(app.outdir, 'validation-report.json'))}`]);
  });

  test('warnings alone do not fail the synth', () => {
    const { app } = appWith((stack) => db(stack, 'Orders', new CfnParameter(stack, 'Encrypt', { type: 'String' }).valueAsString));
    expect(() => app.synth()).not.toThrow();
    const dpp = report(app);
    expect(dpp.conclusion).toBe('success');
    expect(dpp.violations).toEqual([
      expect.objectContaining({ ruleName: 'DPP-3.4-RdsStorageEncrypted', severity: 'warning', description: expect.stringContaining('cannot be verified at synth time: StorageEncrypted (parameter Encrypt)') }),
    ]);
  });

  test('an acknowledged finding is reported as acknowledged, with its reason, and does not fail', () => {
    const { app } = appWith((stack) => {
      const legacy = db(stack, 'Legacy', false);
      Validations.of(legacy).acknowledge({ id: 'DPP::DPP-3.4-RdsStorageEncrypted', reason: 'Vendor snapshot restore; holds no PII; re-encryption tracked in SEC-12.' });
    });
    expect(() => app.synth()).not.toThrow();
    const dpp = report(app);
    expect(dpp.violations).toEqual([]);
    expect(dpp.suppressedViolations).toEqual([
      expect.objectContaining({ ruleName: 'DPP-3.4-RdsStorageEncrypted', reason: 'Vendor snapshot restore; holds no PII; re-encryption tracked in SEC-12.' }),
    ]);
    const template = JSON.parse(fs.readFileSync(path.join(app.outdir, 'Shop.template.json'), 'utf8'));
    expect(template.Resources.Legacy.Metadata.cdk_nag.rules_to_suppress).toEqual([{ id: 'DPP::DPP-3.4-RdsStorageEncrypted', reason: expect.stringContaining('SEC-12') }]);
  });

  test('errors and warnings of one rule stay apart', () => {
    const { app } = appWith((stack) => {
      db(stack, 'Bad', false);
      db(stack, 'Unknown', new CfnParameter(stack, 'Encrypt', { type: 'String' }).valueAsString);
    });
    expect(() => app.synth()).toThrow();
    const severities = report(app).violations.map((v: { severity: string }) => v.severity).sort();
    expect(severities).toEqual(['error', 'warning']);
  });
});

describe('DppChecks.validateScope', () => {
  test('passes a compliant resource', () => {
    const { app, pack } = appWith((stack) => db(stack, 'Ok', true), [RdsStorageEncrypted], false);
    app.synth();
    expect(pack.validateScope(app)).toEqual({ success: true, violations: [] });
  });

  test('reads resolved values, not tokens', () => {
    const { app, pack } = appWith((stack) => db(stack, 'Lazy', Lazy.any({ produce: () => true })), [RdsStorageEncrypted], false);
    app.synth();
    expect(pack.validateScope(app).violations).toEqual([]);
  });

  test('leaves acknowledged findings out and lists them with their reason', () => {
    const { app, pack } = appWith((stack) => {
      Validations.of(db(stack, 'Legacy', false)).acknowledge({ id: 'DPP::DPP-3.4-RdsStorageEncrypted', reason: 'Holds no PII.' });
    });
    app.synth();
    expect(pack.validateScope(app).success).toBe(true);
    expect(pack.acknowledged).toEqual([expect.objectContaining({ ruleId: 'DPP-3.4-RdsStorageEncrypted', constructPath: 'Shop/Legacy', reason: 'Holds no PII.' })]);
  });

  test('a rule that throws becomes an error finding naming the rule, not a crash', () => {
    const throwing = resourceRule({
      id: 'DPP-3.4-Throws', clause: '3.4', level: 'error', resourceTypes: ['AWS::RDS::DBInstance'],
      description: 'never decides', fix: 'none', explanation: 'test',
      check: () => {
        throw new Error('boom');
      },
    });
    const { app, pack } = appWith((stack) => db(stack, 'Any', true), [throwing], false);
    app.synth();
    const result = pack.validateScope(app);
    expect(result.success).toBe(false);
    expect(result.violations[0].description).toMatch(/rule DPP-3\.4-Throws could not check this resource \(boom\)/);
  });

  test('app rules run once over all stacks and attach to the stack', () => {
    const calls: number[] = [];
    const perApp = appRule({
      id: 'DPP-3.5-Once', clause: '3.5', level: 'error', description: 'once', fix: 'none', explanation: 'test',
      check: (stacks) => {
        calls.push(stacks.length);
        return [{ stack: stacks[0].stack, verdict: fail('whole-app problem') }];
      },
    });
    const { app, pack } = appWith((stack) => new Stack(stack.node.scope!, 'Other', { env: { account: '222222222222', region: 'eu-west-1' } }), [perApp], false);
    app.synth();
    const result = pack.validateScope(app);
    expect(calls).toEqual([2]);
    expect(result.violations[0].violatingResources[0].constructPath).toBe('Shop');
  });
});

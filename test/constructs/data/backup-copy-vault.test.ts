import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, RemovalPolicy } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import { BackupCopyVaultStack } from '../../../constructs/data/backup-copy-vault';
import { buildBaselineApp } from '../../../lib/app';
import { DppChecks } from '../../../lib/checks/nag-pack';
import { validateConfig } from '../../../lib/config';
import { dppFindings } from '../fixtures';
import { policyOf } from '../../../lib/policy/context';

describe('BackupCopyVaultStack', () => {
  const app = new App();
  const stack = new BackupCopyVaultStack(app, 'Copy', { env: { account: '111111111111', region: 'eu-central-1' } });
  const template = Template.fromStack(stack);

  test('a vault of the name DataBackups copies to, under a rotated customer key of its own region, both retained', () => {
    const [keyId] = Object.keys(template.findResources('AWS::KMS::Key'));
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true, PendingWindowInDays: 30 });
    template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain' });
    template.hasResource('AWS::Backup::BackupVault', {
      Properties: { BackupVaultName: 'dpp-backups', EncryptionKeyArn: { 'Fn::GetAtt': [keyId, 'Arn'] } },
      DeletionPolicy: 'Retain',
    });
  });

  test('bad props are refused with the prop named', () => {
    expect(() => new BackupCopyVaultStack(new App(), 'X', { vaultName: 'a b' })).toThrow(/vaultName/);
    expect(() => new BackupCopyVaultStack(new App(), 'X', { pendingWindowDays: 3 })).toThrow(/pendingWindowDays/);
    expect(Template.fromStack(new BackupCopyVaultStack(new App(), 'X', { removalPolicy: RemovalPolicy.DESTROY })).toJSON().Resources).toBeDefined();
  });

  test('the stack passes the DPP pack and cdk-nag AwsSolutions and NIST 800-53 R5 with no error', () => {
    const { open } = dppFindings(app);
    expect(open.filter((f) => f.severity === 'error')).toEqual([]);
    const errors = [new AwsSolutionsChecks(), new NIST80053R5Checks()].flatMap((pack) => pack.validateScope(app).violations.filter((v) => v.severity === 'error').map((v) => v.ruleName));
    expect(errors).toEqual([]);
  });
});

describe('the baseline app with backupCopyRegion', () => {
  const cdkJson = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../cdk.json'), 'utf8'));
  const config = validateConfig({ value: cdkJson.context.dpp, origin: '' });
  const app = new App({ builtinCloudFormationValidation: false, context: { 'aws:cdk:bundling-stacks': [] } });
  const test = { ...config.environments.test, backupCopyRegion: 'eu-central-1' };
  const stacks = buildBaselineApp(app, { ...config, environments: { ...config.environments, test } });

  it('adds the copy-vault stack in that region, deployed before the baseline, with the vault the plan copies to', () => {
    const copy = app.node.findChild('DppBaseline-test-backup-copy') as BackupCopyVaultStack;
    expect(copy).toBeInstanceOf(BackupCopyVaultStack);
    expect(copy.region).toBe('eu-central-1');
    expect(copy.account).toBe(stacks.test.account);
    expect(stacks.test.dependencies).toContain(copy);
    expect(app.node.tryFindChild('DppBaseline-prod-backup-copy')).toBeUndefined();
    const plan = Template.fromStack(stacks.test).findResources('AWS::Backup::BackupPlan');
    expect(JSON.stringify(plan)).toContain(':backup:eu-central-1:');
    expect(JSON.stringify(plan)).toContain(':backup-vault:dpp-backups"');
    expect(copy.tags.tagValues()).toMatchObject({ 'dpp:environment': 'test' });
  });

  it('the whole app, app-level rules included, has no DPP error, nor a warning on the copy-vault stack', () => {
    app.synth();
    // One run of the pack (the whole app is the slow part of this file).
    const violations = new DppChecks(undefined, { profile: policyOf(app) }).validateScope(app).violations;
    const found = violations.flatMap((v) => v.violatingResources
      .filter((r) => v.severity === 'error' || r.constructPath?.startsWith('DppBaseline-test-backup-copy'))
      .map((r) => `${v.severity} ${v.ruleName} ${r.constructPath}`));
    expect(found).toEqual([]);
  });
});

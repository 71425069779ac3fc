import { Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { BACKUP_FACTS, DataBackups } from '../../../constructs/data/data-backups';
import { EncryptedDatabase } from '../../../constructs/data/encrypted-database';
import { PiiBucket } from '../../../constructs/data/pii-bucket';
import { PiiTable } from '../../../constructs/data/pii-table';
import { network } from '../fixtures';
import { dppErrorsAndAcknowledgments, resourcesOfType, stackWithoutBundling } from '../no-bundling';

describe('DataBackups', () => {
  const { app, stack } = stackWithoutBundling();
  const { keys, network: vpc } = network(stack);
  const bucket = new PiiBucket(stack, 'Orders', { encryptionKey: keys.data });
  const table = new PiiTable(stack, 'Customers', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING }, encryptionKey: keys.data });
  const database = new EncryptedDatabase(stack, 'Database', { network: vpc, keys });
  const backups = new DataBackups(stack, 'Backups', { encryptionKey: keys.data, copyRegion: 'eu-central-1' });
  backups.addBucket('orders', bucket.bucket);
  backups.addTable('customers', table.table);
  backups.addDatabase('database', database.cluster!);
  const template = Template.fromStack(stack);
  const id = (c: { node: { defaultChild?: unknown } }) => stack.resolve((c.node.defaultChild as { logicalId: string }).logicalId) as string;

  test('a vault under the data key, classified pii', () => {
    const [, vault] = resourcesOfType(template, 'AWS::Backup::BackupVault')[0];
    expect(vault.Properties).toMatchObject({ BackupVaultName: 'dpp-backups', EncryptionKeyArn: { 'Fn::GetAtt': [id(keys.data as never), 'Arn'] } });
    expect(vault.Properties.BackupVaultTags).toMatchObject({ 'dpp:classification': 'pii' });
  });

  test('daily backups deleted after 7 days, copied to the second region and deleted there as well', () => {
    const [, plan] = resourcesOfType(template, 'AWS::Backup::BackupPlan')[0];
    const [rule] = plan.Properties.BackupPlan.BackupPlanRule;
    expect(rule).toMatchObject({ RuleName: 'DailyWithinPiiRetention', ScheduleExpression: 'cron(0 3 * * ? *)', Lifecycle: { DeleteAfterDays: 7 } });
    expect(rule.CopyActions).toEqual([{ DestinationBackupVaultArn: expect.objectContaining({ 'Fn::Join': expect.anything() }), Lifecycle: { DeleteAfterDays: 7 } }]);
    expect(JSON.stringify(rule.CopyActions)).toContain(':backup:eu-central-1:');
  });

  test('a selection per store: the PII bucket, the PII table and the database', () => {
    const selections = resourcesOfType(template, 'AWS::Backup::BackupSelection').map(([, s]) => JSON.stringify(s.Properties.BackupSelection.Resources));
    expect(selections).toHaveLength(3);
    for (const store of [bucket.bucket, table.table, database.cluster!]) expect(selections.some((s) => s.includes(id(store as never)))).toBe(true);
  });

  test('weekly restore tests of the bucket and the table, restored copies deleted after a one-hour validation window', () => {
    template.hasResourceProperties('AWS::Backup::RestoreTestingPlan', {
      ScheduleExpression: 'cron(0 5 ? * SUN *)',
      RecoveryPointSelection: { Algorithm: 'LATEST_WITHIN_WINDOW', RecoveryPointTypes: ['SNAPSHOT'], SelectionWindowDays: 7, IncludeVaults: [{ 'Fn::GetAtt': [id(backups.vault), 'BackupVaultArn'] }] },
    });
    const tests = resourcesOfType(template, 'AWS::Backup::RestoreTestingSelection').map(([, s]) => s.Properties);
    expect(tests.map((t) => [t.ProtectedResourceType, t.ValidationWindowHours])).toEqual([['S3', 1], ['DynamoDB', 1]]);
    expect(BACKUP_FACTS.restoreTestingTypes).toEqual({ bucket: 'S3', table: 'DynamoDB' });
  });

  test('the stack passes the DPP pack', () => {
    expect(dppErrorsAndAcknowledgments(app).errors).toEqual([]);
  });

  test('refuses recovery points that would outlive the PII, a copy to its own region, and bad names', () => {
    const other = stackWithoutBundling().stack;
    const { keys: k } = network(other);
    expect(() => new DataBackups(other, 'A', { encryptionKey: k.data, retentionDays: 35 })).toThrow('DataBackups: retentionDays must be an integer from 1 to 30 (a recovery point may not outlive the PII it holds: at most piiRetentionDays (30), DPP 3.1 and 2.8), got 35');
    expect(() => new DataBackups(other, 'B', { encryptionKey: k.data, copyRegion: 'eu-west-1' })).toThrow(/^DataBackups: copyRegion must differ from the stack's region eu-west-1/);
    expect(() => new DataBackups(other, 'C', { encryptionKey: k.data, vaultName: 'no spaces' })).toThrow(/^DataBackups: vaultName/);
    const ok = new DataBackups(other, 'D', { encryptionKey: k.data, vaultName: 'other', restoreTesting: false, piiRetentionDays: 400, retentionDays: 35 });
    expect(ok.restoreTestingPlan).toBeUndefined();
  });
});

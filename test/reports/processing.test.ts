import { loadPaths } from '../../lib/loading/load-paths';
import { checkTemplates } from '../../lib/reports/check-report';
import { processingRecord, type ProcessingEntry } from '../../lib/reports/processing';
import { parseTemplate } from '../../lib/loading/parse-template';

function record(yaml: string): ProcessingEntry[] {
  const template = parseTemplate(yaml, 't.yaml');
  const loaded = { stack: { id: 't.yaml', stackName: 'S', template: template.template }, file: 't.yaml', resourceLines: template.resourceLines };
  const report = checkTemplates({ groups: [{ source: 't', templates: [loaded] }], notices: [] });
  return processingRecord(report.templates, report.indexes);
}

describe('the record of processing activities', () => {
  test('reads every fact of the fixture', () => {
    const report = checkTemplates(loadPaths(['test/fixtures/templates/data-stores.yaml']));
    const byId = Object.fromEntries(processingRecord(report.templates, report.indexes).map((e) => [e.logicalId, e]));
    expect(byId.Customers).toMatchObject({ origin: 'ecartapi', classification: 'pii', environment: 'prod', encryption: 'encrypted', key: 'customer-managed DataKey' });
    expect(byId.Sessions).toMatchObject({ classification: 'unresolvable (Fn::If)', key: 'AWS-managed alias/aws/dynamodb', retention: 'TTL on attribute expiresAt', backups: 'point-in-time recovery' });
    expect(byId.Orders).toMatchObject({ publicExposure: 'private (PubliclyAccessible: false)', backups: 'automated backups kept 7 days' });
    expect(byId.AppLogs).toMatchObject({ encryption: 'service-default', retention: 'unresolvable (parameter Retention)' });
    expect(byId.Jobs).toMatchObject({ retention: '4 days (default)', publicExposure: expect.stringContaining('allows anyone') });
    expect(byId.Alerts).toMatchObject({ encryption: 'not-encrypted', key: null });
    expect(byId.DataKey).toBeUndefined();
  });

  test('defaults and unencrypted stores', () => {
    const [bucket, db, member, volume, queue] = record(`Resources:
  B: { Type: AWS::S3::Bucket }
  D: { Type: AWS::RDS::DBInstance, Properties: { Engine: postgres } }
  M: { Type: AWS::RDS::DBInstance, Properties: { DBClusterIdentifier: c } }
  V: { Type: AWS::EC2::Volume, Properties: { Encrypted: false } }
  Q: { Type: AWS::SQS::Queue, Properties: { SqsManagedSseEnabled: false, MessageRetentionPeriod: 3600 } }
`);
    expect(bucket).toMatchObject({ stack: 'S', encryption: 'service-default', key: 'S3-managed (SSE-S3)', retention: 'kept until deleted (no lifecycle expiration)', publicExposure: 'public access not fully blocked', backups: 'none declared' });
    expect(db).toMatchObject({ encryption: 'not-encrypted', publicExposure: 'PubliclyAccessible not set (public when placed in a public subnet)', backups: 'automated backups kept 1 day (default)' });
    expect(member).toMatchObject({ encryption: 'inherited', key: 'from its DB cluster', backups: 'none declared' });
    expect(volume).toMatchObject({ encryption: 'not-encrypted', publicExposure: 'inside the VPC (no public endpoint)' });
    expect(queue).toMatchObject({ encryption: 'not-encrypted', retention: '1 hour' });
  });
});

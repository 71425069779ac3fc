import { Duration, Tags } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { AuditTrail } from '../../../constructs/audit/audit-trail';
import { SecurityAlarms } from '../../../constructs/audit/security-alarms';
import { PiiBucket } from '../../../constructs/data/pii-bucket';
import { PiiTable } from '../../../constructs/data/pii-table';
import { CANARY_EVENT_FIELDS, CANARY_KEY_PREFIX, CANARY_RECORD_TYPE, CanaryRecords } from '../../../constructs/detection/canary-records';
import { network } from '../fixtures';
import { dppErrorsAndAcknowledgments, resourcesOfType, stackWithoutBundling } from '../no-bundling';

function build() {
  const { app, stack } = stackWithoutBundling();
  Tags.of(stack).add('dpp:environment', 'test');
  const { keys, network: vpc } = network(stack);
  const audit = new AuditTrail(stack, 'Audit');
  const alarms = new SecurityAlarms(stack, 'Alarms', { alertEmail: 'security@example.com', trailLogGroup: audit.logGroup });
  const bucket = new PiiBucket(stack, 'Orders', { encryptionKey: keys.data, vpcEndpointIds: [vpc.s3Endpoint.vpcEndpointId] });
  const table = new PiiTable(stack, 'Customers', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING }, sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING }, encryptionKey: keys.data });
  const canaries = new CanaryRecords(stack, 'Canaries', {
    alertTopic: alarms.topic, trailLogGroup: audit.logGroup, vpc: vpc.vpc, vpcSubnets: vpc.subnetSelection('application'), logEncryptionKey: keys.logs,
  });
  canaries.addBucket('orders', bucket.bucket);
  canaries.addTable('customers', table.table);
  const id = (c: { node: { defaultChild?: unknown } }) => stack.resolve((c.node.defaultChild as { logicalId: string }).logicalId) as string;
  return { app, stack, audit, alarms, bucket, table, canaries, id };
}

describe('CanaryRecords', () => {
  const built = build();
  const template = Template.fromStack(built.stack);
  const roleArn = { 'Fn::GetAtt': [built.id(built.canaries.handler.role as never), 'Arn'] };

  test('one canary record per store, written by the provider: an object under dpp-canary/ and an item keyed dpp-canary#', () => {
    const records = resourcesOfType(template, CANARY_RECORD_TYPE).map(([, r]) => r.Properties);
    expect(records).toEqual([
      expect.objectContaining({ Store: 's3', BucketName: { Ref: built.id(built.bucket.bucket) }, Key: 'dpp-canary/orders.json' }),
      expect.objectContaining({ Store: 'dynamodb', TableName: { Ref: built.id(built.table.table) }, PartitionKey: 'pk', SortKey: 'sk', Key: 'dpp-canary#customers' }),
    ]);
    expect(CANARY_KEY_PREFIX).toBe('dpp-canary');
  });

  test('the record depends on its store (written after it, removed before it)', () => {
    const [, record] = resourcesOfType(template, CANARY_RECORD_TYPE)[0];
    expect(record.DependsOn).toEqual(expect.arrayContaining([built.id(built.bucket.bucket)]));
  });

  test('an alarm per store on any data event touching its canary, by anyone but the seeder, notifying the security topic at once', () => {
    const filters = resourcesOfType(template, 'AWS::Logs::MetricFilter').filter(([, f]) => JSON.stringify(f.Properties).includes(CANARY_KEY_PREFIX));
    expect(filters).toHaveLength(2);
    const s3Pattern = JSON.stringify(filters[0][1].Properties.FilterPattern);
    expect(s3Pattern).toContain(`${CANARY_EVENT_FIELDS.s3.key} = \\"dpp-canary*\\"`);
    expect(s3Pattern).toContain(CANARY_EVENT_FIELDS.s3.bucket);
    expect(filters[0][1].Properties.FilterPattern['Fn::Join'][1]).toContainEqual(roleArn);
    expect(JSON.stringify(filters[1][1].Properties.FilterPattern)).toContain(`${CANARY_EVENT_FIELDS.dynamodb.key}.pk = \\"dpp-canary*\\"`);
    expect(filters.every(([, f]) => f.Properties.LogGroupName.Ref === built.id(built.audit.logGroup))).toBe(true);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'CanaryAccess-orders', Namespace: 'DPP/Canaries', Period: 60, Statistic: 'Sum', Threshold: 1, EvaluationPeriods: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching',
      AlarmActions: [{ Ref: built.id(built.alarms.topic) }],
    });
  });

  test('the seeder may only put and delete canary objects and canary items, and runs in the application tier with HTTPS egress only', () => {
    const [, policy] = resourcesOfType(template, 'AWS::IAM::Policy').find(([id]) => id.startsWith('CanariesHandlerRole'))!;
    const statements = policy.Properties.PolicyDocument.Statement as Record<string, unknown>[];
    expect(statements).toEqual(expect.arrayContaining([
      expect.objectContaining({ Action: ['s3:PutObject', 's3:DeleteObject'], Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [built.id(built.bucket.bucket), 'Arn'] }, '/dpp-canary/*']] } }),
      expect.objectContaining({ Action: ['dynamodb:PutItem', 'dynamodb:DeleteItem'], Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['dpp-canary*'] } } }),
    ]));
    template.hasResourceProperties('AWS::Lambda::Function', { Description: Match.stringLikeRegexp('dpp-canary'), VpcConfig: Match.objectLike({ SubnetIds: Match.anyValue() }) });
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('canary seeder'),
      SecurityGroupEgress: [Match.objectLike({ CidrIp: '0.0.0.0/0', FromPort: 443, ToPort: 443, IpProtocol: 'tcp' })],
    });
  });

  test('a daily schedule writes every record again (the bucket expiry would remove it)', () => {
    const [, rule] = resourcesOfType(template, 'AWS::Events::Rule').find(([, r]) => r.Properties.ScheduleExpression)!;
    expect(rule.Properties.ScheduleExpression).toBe('rate(1 day)');
    expect(rule.Properties.Targets.map((t: { Input: unknown }) => /"RequestType":"Reseed"/.test(JSON.stringify(t.Input).replace(/\\/g, '')))).toEqual([true, true]);
  });

  test('the stack passes the DPP pack (environment-level rules aside)', () => {
    expect(dppErrorsAndAcknowledgments(built.app).errors.filter((e) => !/ConfigRecorderPresent|PiiStoreDataEvents|TrailPresent/.test(e))).toEqual([]);
  });

  test('rejects bad props and stores it cannot seed', () => {
    const { stack } = stackWithoutBundling();
    const audit = new AuditTrail(stack, 'Audit');
    const alarms = new SecurityAlarms(stack, 'Alarms', { alertEmail: 'security@example.com', trailLogGroup: audit.logGroup });
    const base = { alertTopic: alarms.topic, trailLogGroup: audit.logGroup };
    expect(() => new CanaryRecords(stack, 'A', { ...base, reseedEvery: Duration.days(30) })).toThrow(/^CanaryRecords: reseedEvery must be from 1 hour to 7 days/);
    expect(() => new CanaryRecords(stack, 'B', { ...base, metricNamespace: 'AWS/S3' })).toThrow(/^CanaryRecords: metricNamespace/);
    expect(() => new CanaryRecords(stack, 'C', { ...base, vpcSubnets: { subnetGroupName: 'application' } })).toThrow('CanaryRecords: vpcSubnets needs vpc');
    const canaries = new CanaryRecords(stack, 'D', base);
    const numeric = new dynamodb.Table(stack, 'Numeric', { partitionKey: { name: 'id', type: dynamodb.AttributeType.NUMBER } });
    expect(() => canaries.addTable('numeric', numeric)).toThrow('CanaryRecords: addTable(numeric) needs string key attributes for the canary item; id is N');
    expect(() => canaries.addTable('bad id!', numeric)).toThrow(/CanaryRecords: (id must be|addTable)/);
    const strings = new dynamodb.Table(stack, 'Strings', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } });
    canaries.addTable('strings', strings);
    expect(() => canaries.addTable('strings', strings)).toThrow('CanaryRecords: id "strings" is already used by another store');
  });
});

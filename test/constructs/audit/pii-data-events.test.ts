import { Tags } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { AuditTrail } from '../../../constructs/audit/audit-trail';
import { ADVANCED_EVENT_SELECTOR_LIMITS, PiiDataEvents } from '../../../constructs/audit/pii-data-events';
import { PiiBucket } from '../../../constructs/data/pii-bucket';
import { PiiTable } from '../../../constructs/data/pii-table';
import { EncryptionKeys } from '../../../constructs/security/keys';
import { dppErrorsAndAcknowledgments, resourcesOfType, stackWithoutBundling } from '../no-bundling';

const dataEventErrors = (app: Parameters<typeof dppErrorsAndAcknowledgments>[0]) => dppErrorsAndAcknowledgments(app).errors.filter((e) => e.startsWith('DPP-3.6-PiiStoreDataEvents'));

function build(register: { bucket?: boolean; table?: boolean } = { bucket: true, table: true }) {
  const { app, stack } = stackWithoutBundling();
  Tags.of(stack).add('dpp:environment', 'test');
  const keys = new EncryptionKeys(stack, 'Keys');
  const audit = new AuditTrail(stack, 'Audit');
  const bucket = new PiiBucket(stack, 'Orders', { encryptionKey: keys.data });
  const table = new PiiTable(stack, 'Customers', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING }, encryptionKey: keys.data });
  const events = new PiiDataEvents(stack, 'DataEvents', { bucket: audit.bucket, encryptionKey: audit.encryptionKey, logGroup: audit.logGroup });
  if (register.bucket) events.registerBucket(bucket.bucket);
  if (register.table) events.registerTable(table.table);
  const id = (c: { node: { defaultChild?: unknown } }) => stack.resolve((c.node.defaultChild as { logicalId: string }).logicalId) as string;
  return { app, stack, audit, bucket, table, events, id };
}

describe('PiiDataEvents', () => {
  const built = build();
  const template = Template.fromStack(built.stack);
  const trails = resourcesOfType(template, 'AWS::CloudTrail::Trail');
  const [, dataTrail] = trails.find(([, t]) => t.Properties.TrailName === 'dpp-pii-data-events')!;

  test('a second, data-events-only trail: multi-region, validated, KMS, into the audit bucket (own prefix) and log group', () => {
    expect(dataTrail.Properties).toMatchObject({
      IsMultiRegionTrail: true,
      EnableLogFileValidation: true,
      IncludeGlobalServiceEvents: false,
      S3KeyPrefix: 'pii-data-events',
      S3BucketName: { Ref: built.id(built.audit.bucket) },
      CloudWatchLogsLogGroupArn: { 'Fn::GetAtt': [built.id(built.audit.logGroup), 'Arn'] },
    });
    // Advanced and basic selectors exclude each other, and no basic selector means "all management events".
    expect(dataTrail.Properties.EventSelectors).toBeUndefined();
  });

  test('advanced selectors scoped to the registered bucket\'s objects and the registered table, data events only', () => {
    expect(dataTrail.Properties.AdvancedEventSelectors).toEqual([
      { Name: expect.stringContaining('PII buckets'), FieldSelectors: [
        { Field: 'eventCategory', Equals: ['Data'] },
        { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
        { Field: 'resources.ARN', StartsWith: [{ 'Fn::Join': ['', [{ 'Fn::GetAtt': [built.id(built.bucket.bucket), 'Arn'] }, '/']] }] },
      ] },
      { Name: expect.stringContaining('PII tables'), FieldSelectors: [
        { Field: 'eventCategory', Equals: ['Data'] },
        { Field: 'resources.type', Equals: ['AWS::DynamoDB::Table'] },
        { Field: 'resources.ARN', Equals: [{ 'Fn::GetAtt': [built.id(built.table.table), 'Arn'] }] },
      ] },
    ]);
  });

  test('the audit key lets CloudTrail use it for this trail only', () => {
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: ['kms:GenerateDataKey*', 'kms:DescribeKey'],
        Condition: { StringEquals: { 'aws:SourceArn': Match.objectLike({ 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp(':trail/dpp-pii-data-events$')])] }) } },
      })]) },
    });
  });

  test('the stack passes the DPP pack (environment-level rules aside: no topic or recorder in this stack)', () => {
    expect(dppErrorsAndAcknowledgments(built.app).errors.filter((e) => !/SecurityTopicSubscribed|ConfigRecorderPresent/.test(e))).toEqual([]);
  });

  test('a PII table left unregistered fails DPP-3.6-PiiStoreDataEvents, naming the table', () => {
    const partial = build({ bucket: true });
    expect(dataEventErrors(partial.app)).toEqual([expect.stringMatching(/DPP-3\.6-PiiStoreDataEvents .*PII table Customers\w+ is not covered by a data-event selector/)]);
  });

  test('rejects a trail without stores, an invalid name or prefix, and more selector values than CloudTrail allows', () => {
    const { stack } = stackWithoutBundling();
    const audit = new AuditTrail(stack, 'Audit');
    const props = { bucket: audit.bucket, encryptionKey: audit.encryptionKey, logGroup: audit.logGroup };
    expect(() => new PiiDataEvents(stack, 'Bad', { ...props, trailName: 'x' })).toThrow(/^PiiDataEvents: trailName must be 3 to 128/);
    expect(() => new PiiDataEvents(stack, 'Bad2', { ...props, s3KeyPrefix: '/logs/' })).toThrow(/^PiiDataEvents: s3KeyPrefix must be an S3 key prefix/);
    const empty = new PiiDataEvents(stack, 'Empty', props);
    expect(empty.node.validate()).toEqual([expect.stringMatching(/no PII store registered/)]);
    const full = new PiiDataEvents(stack, 'Full', { ...props, trailName: 'full' });
    for (let i = 0; i < 499; i++) full.registerBucket({ bucketArn: `arn:aws:s3:::b${i}` } as never);
    expect(full.node.validate()).toEqual([expect.stringMatching(/501 selector values exceed CloudTrail's 500 per trail/)]);
  });

  test('documented limits kept as data', () => {
    expect(ADVANCED_EVENT_SELECTOR_LIMITS.maxValuesPerTrail).toBe(500);
    expect(ADVANCED_EVENT_SELECTOR_LIMITS.equalsOnlyFields).toEqual(['eventCategory', 'resources.type', 'readOnly']);
  });
});

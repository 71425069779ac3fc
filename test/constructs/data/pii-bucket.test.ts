import * as kms from 'aws-cdk-lib/aws-kms';
import { Template } from 'aws-cdk-lib/assertions';
import { PiiBucket, type PiiBucketProps } from '../../../constructs/data/pii-bucket';
import { acknowledgmentsOf, newStack } from '../fixtures';

type Resource = { Properties: Record<string, any>; DeletionPolicy?: string };

function build(props: Partial<PiiBucketProps> = {}): { template: Template; bucket: PiiBucket } {
  const { stack } = newStack();
  const bucket = new PiiBucket(stack, 'Pii', { encryptionKey: new kms.Key(stack, 'Key', { enableKeyRotation: true }), ...props });
  return { template: Template.fromStack(stack), bucket };
}

function buckets(template: Template): { pii: Resource; logs: Resource } {
  const all = template.findResources('AWS::S3::Bucket');
  const [pii] = Object.entries(all).filter(([id]) => id.startsWith('PiiBucket'));
  const [logs] = Object.entries(all).filter(([id]) => id.startsWith('PiiAccessLogs'));
  return { pii: pii[1] as Resource, logs: logs[1] as Resource };
}

function policyOf(template: Template, bucketPrefix: string): { Sid?: string; Effect: string; Condition?: any; Principal?: any; Action: any; Resource: any }[] {
  const policies = template.findResources('AWS::S3::BucketPolicy');
  const [policy] = Object.values(policies).filter((p) => p.Properties.Bucket.Ref.startsWith(bucketPrefix));
  return policy.Properties.PolicyDocument.Statement;
}

describe('PiiBucket (defaults)', () => {
  let template: Template;
  let pii: Resource;
  let logs: Resource;
  beforeAll(() => {
    template = build().template;
    ({ pii, logs } = buckets(template));
  });

  test('SSE-KMS under the given key with bucket keys; public access blocked; ACLs disabled; versioned; retained', () => {
    expect(pii.Properties).toMatchObject({
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ BucketKeyEnabled: true, ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': [expect.stringMatching(/^Key/), 'Arn'] } } }] },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      VersioningConfiguration: { Status: 'Enabled' },
    });
    expect(pii.DeletionPolicy).toBe('Retain');
  });

  test('objects expire after 30 days, non-current versions after 7, and delete markers and stale uploads are cleaned up', () => {
    expect(pii.Properties.LifecycleConfiguration.Rules).toEqual([
      { Id: 'PiiRetention', Status: 'Enabled', ExpirationInDays: 30, NoncurrentVersionExpiration: { NoncurrentDays: 7 }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } },
      { Id: 'RemoveExpiredDeleteMarkers', Status: 'Enabled', ExpiredObjectDeleteMarker: true },
    ]);
  });

  test('the bucket policy denies requests without TLS or below TLS 1.2', () => {
    const statements = policyOf(template, 'PiiBucket');
    expect(statements).toEqual([
      expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Principal: { AWS: '*' }, Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Principal: { AWS: '*' }, Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } }),
    ]);
  });

  test('tagged PII from EcartAPI; the log bucket is internal', () => {
    expect(pii.Properties.Tags).toEqual(expect.arrayContaining([{ Key: 'dpp:classification', Value: 'pii' }, { Key: 'dpp:data-origin', Value: 'ecartapi' }]));
    expect(logs.Properties.Tags).toEqual(expect.arrayContaining([{ Key: 'dpp:classification', Value: 'internal' }, { Key: 'dpp:data-origin', Value: 'internal' }]));
  });

  test('server access logs go to a dedicated SSE-S3, TLS-only, private, versioned log bucket that keeps them 365 days', () => {
    expect(pii.Properties.LoggingConfiguration).toEqual({ DestinationBucketName: { Ref: expect.stringMatching(/^PiiAccessLogs/) }, LogFilePrefix: 'access-logs/' });
    expect(logs.Properties).toMatchObject({
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      VersioningConfiguration: { Status: 'Enabled' },
    });
    expect(logs.Properties.LifecycleConfiguration.Rules[0]).toMatchObject({ ExpirationInDays: 365, NoncurrentVersionExpiration: { NoncurrentDays: 365 } });
    const statements = policyOf(template, 'PiiAccessLogs');
    expect(statements.map((s) => s.Effect)).toEqual(['Deny', 'Deny', 'Allow']);
    expect(statements[2]).toMatchObject({
      Principal: { Service: 'logging.s3.amazonaws.com' },
      Action: 's3:PutObject',
      Condition: { ArnLike: { 'aws:SourceArn': { 'Fn::GetAtt': [expect.stringMatching(/^PiiBucket/), 'Arn'] } }, StringEquals: { 'aws:SourceAccount': '111111111111' } },
    });
    expect(logs.DeletionPolicy).toBe('Retain');
  });

  test('no auto-delete function', () => {
    template.resourceCountIs('AWS::Lambda::Function', 0);
  });
});

describe('PiiBucket props', () => {
  test('vpcEndpointIds: object requests from outside the endpoints are denied, Macie excepted', () => {
    const { template } = build({ vpcEndpointIds: ['vpce-0123456789abcdef0'] });
    const deny = policyOf(template, 'PiiBucket').find((s) => s.Sid === 'DenyObjectRequestsOutsideVpcEndpoints')!;
    expect(deny).toMatchObject({
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: expect.arrayContaining(['s3:GetObject*', 's3:PutObject*', 's3:ListBucket']),
      Condition: {
        StringNotEquals: { 'aws:SourceVpce': ['vpce-0123456789abcdef0'] },
        ArnNotLike: { 'aws:PrincipalArn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::111111111111:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie']] } },
      },
    });
  });

  test('a retention over 30 days with a legal basis is kept and acknowledged against the 3.1 rule, with the law as reason', () => {
    const { template, bucket } = build({ retentionDays: 400, legalBasis: 'Invoices kept 13 months under tax code art. 12' });
    expect(buckets(template).pii.Properties.LifecycleConfiguration.Rules[0].ExpirationInDays).toBe(400);
    const reason = acknowledgmentsOf(bucket.bucket.node.defaultChild!)['DPP::DPP-3.1-PiiBucketExpiration'];
    expect(reason).toMatch(/400 days .*tax code art\. 12/);
  });

  test('a legal basis without a longer retention acknowledges nothing', () => {
    const { bucket } = build({ retentionDays: 14, legalBasis: 'Tax code' });
    // cdk-nag's own packs are acknowledged on the bucket too (replication); no DPP rule is.
    expect(Object.keys(acknowledgmentsOf(bucket.bucket.node.defaultChild!)).filter((id) => id.startsWith('DPP::'))).toEqual([]);
  });

  test('disposable buckets go with the stack (still no auto-delete)', () => {
    const { template } = build({ disposable: true, noncurrentVersionRetentionDays: 30, accessLogRetentionDays: 90 });
    const { pii, logs } = buckets(template);
    expect([pii.DeletionPolicy, logs.DeletionPolicy]).toEqual(['Delete', 'Delete']);
    expect(pii.Properties.LifecycleConfiguration.Rules[0].NoncurrentVersionExpiration).toEqual({ NoncurrentDays: 30 });
    expect(logs.Properties.LifecycleConfiguration.Rules[0].ExpirationInDays).toBe(90);
    template.resourceCountIs('AWS::Lambda::Function', 0);
  });

  test.each<[string, Partial<PiiBucketProps>, string]>([
    ['a retention over 30 days without legal basis', { retentionDays: 31 }, 'PiiBucket: retentionDays 31 is above 30 days; set legalBasis to the law that requires it (DPP 3.1 Data Retention)'],
    ['a blank legal basis', { retentionDays: 60, legalBasis: '  ' }, 'PiiBucket: legalBasis must name the law that requires the retention, not be blank'],
    ['a zero retention', { retentionDays: 0 }, 'PiiBucket: retentionDays must be a whole number of days, at least 1, got 0'],
    ['non-current versions kept over 30 days', { noncurrentVersionRetentionDays: 45 }, 'PiiBucket: noncurrentVersionRetentionDays must be an integer from 1 to 30 (DPP 2.8), got 45'],
    ['access logs kept under 90 days', { accessLogRetentionDays: 30 }, 'PiiBucket: accessLogRetentionDays must be at least 90 days (DPP 3.6 Logging and Monitoring, profile dpp), got 30'],
    ['an empty endpoint list', { vpcEndpointIds: [] }, 'PiiBucket: vpcEndpointIds must name at least one endpoint when given'],
    ['a blank data origin', { dataOrigin: '' }, 'PiiBucket: dataOrigin must not be empty'],
  ])('rejects %s', (_, props, message) => {
    const { stack } = newStack();
    const key = new kms.Key(stack, 'Key');
    expect(() => new PiiBucket(stack, 'Pii', { encryptionKey: key, ...props })).toThrow(message);
  });
});

import { RemovalPolicy } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import { AuditLogLockMode, AuditTrail } from '../../../constructs/audit/audit-trail';
import { retentionOfAtLeast } from '../../../constructs/audit/log-retention';
import { dppErrorsAndAcknowledgments, resourcesOfType, stackWithoutBundling, tagValue } from '../no-bundling';

describe('AuditTrail (defaults)', () => {
  let template: Template;
  let trail: AuditTrail;
  let app: ReturnType<typeof stackWithoutBundling>['app'];
  const idOf = (construct: { node: { defaultChild?: unknown } } | undefined) => (trail.node.scope as any).resolve((construct?.node.defaultChild as any)?.logicalId);

  beforeAll(() => {
    const made = stackWithoutBundling();
    app = made.app;
    trail = new AuditTrail(made.stack, 'Audit');
    template = Template.fromStack(made.stack);
  });

  test('a multi-region trail with global events, log-file validation, KMS, and CloudWatch Logs delivery', () => {
    template.hasResourceProperties('AWS::CloudTrail::Trail', {
      TrailName: 'dpp-audit-trail',
      IsMultiRegionTrail: true,
      IncludeGlobalServiceEvents: true,
      EnableLogFileValidation: true,
      IsLogging: true,
      KMSKeyId: { 'Fn::GetAtt': [idOf(trail.encryptionKey as any), 'Arn'] },
      CloudWatchLogsLogGroupArn: { 'Fn::GetAtt': [idOf(trail.logGroup), 'Arn'] },
      S3BucketName: { Ref: idOf(trail.bucket) },
      EventSelectors: [{ IncludeManagementEvents: true, ReadWriteType: 'All' }],
    });
  });

  test('the key rotates, and lets CloudTrail use it only for this trail and CloudWatch Logs only for this account', () => {
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'CloudTrailEncryptsThisTrailsLogs',
            Principal: { Service: 'cloudtrail.amazonaws.com' },
            Action: 'kms:GenerateDataKey*',
            Condition: {
              StringEquals: {
                'aws:SourceArn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudtrail:eu-west-1:111111111111:trail/dpp-audit-trail']] },
                'aws:SourceAccount': '111111111111',
              },
              StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': Match.anyValue() },
            },
          }),
          Match.objectLike({ Sid: 'CloudWatchLogsEncryptsThisAccountsLogGroups', Principal: { Service: 'logs.eu-west-1.amazonaws.com' } }),
        ]),
      },
    });
  });

  test('the log group is KMS-encrypted, kept a year, retained and classified confidential', () => {
    template.hasResource('AWS::Logs::LogGroup', {
      Properties: Match.objectLike({ RetentionInDays: 365, KmsKeyId: Match.anyValue() }),
      DeletionPolicy: 'RetainExceptOnCreate',
    });
    const [[, group]] = resourcesOfType(template, 'AWS::Logs::LogGroup');
    expect(tagValue(group.Properties, 'dpp:classification')).toBe('confidential');
  });

  test('the bucket is versioned, object-locked 365 days in governance mode, TLS-only, private, access-logged, with a lifecycle', () => {
    template.hasResource('AWS::S3::Bucket', {
      Properties: Match.objectLike({
        VersioningConfiguration: { Status: 'Enabled' },
        ObjectLockEnabled: true,
        ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 365 } } },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        LoggingConfiguration: { DestinationBucketName: { Ref: Match.stringLikeRegexp('AuditAccessLogsBucket') }, LogFilePrefix: 'dpp-audit-trail/' },
        LifecycleConfiguration: {
          Rules: [Match.objectLike({ Status: 'Enabled', Transitions: [{ StorageClass: 'GLACIER_IR', TransitionInDays: 90 }] })],
        },
        Tags: Match.arrayWith([{ Key: 'dpp:classification', Value: 'confidential' }]),
      }),
      DeletionPolicy: 'Retain',
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: idOf(trail.bucket) },
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      },
    });
  });

  test('the access-log bucket is private, TLS-only and S3-encrypted (what server access logging needs)', () => {
    const [[, logs]] = resourcesOfType(template, 'AWS::S3::Bucket').filter(([id]) => id.startsWith('AuditAccessLogsBucket'));
    expect(logs.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('AES256');
    expect(logs.Properties.OwnershipControls.Rules[0].ObjectOwnership).toBe('BucketOwnerEnforced');
    expect(tagValue(logs.Properties, 'dpp:classification')).toBe('internal');
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: Match.stringLikeRegexp('AuditAccessLogsBucket') },
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Principal: { Service: 'logging.s3.amazonaws.com' },
          Action: 's3:PutObject',
          Condition: { ArnLike: { 'aws:SourceArn': { 'Fn::GetAtt': [idOf(trail.bucket), 'Arn'] } }, StringEquals: { 'aws:SourceAccount': '111111111111' } },
        })]),
      },
    });
  });

  test('the DPP pack finds no error', () => {
    expect(dppErrorsAndAcknowledgments(app).errors).toEqual([]);
  });
});

describe('AuditTrail props', () => {
  const make = (props: ConstructorParameters<typeof AuditTrail>[2]) => {
    const { stack } = stackWithoutBundling();
    new AuditTrail(stack, 'Audit', props);
    return Template.fromStack(stack);
  };

  test('compliance mode, lock days, transition, retention, name and removal policy', () => {
    const template = make({
      lockMode: AuditLogLockMode.COMPLIANCE, lockDays: 730, transitionAfterDays: 120, logRetention: logs.RetentionDays.TWO_YEARS,
      trailName: 'org-trail', removalPolicy: RemovalPolicy.DESTROY,
    });
    template.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 730 } } },
      LifecycleConfiguration: { Rules: [Match.objectLike({ Transitions: [{ StorageClass: 'GLACIER_IR', TransitionInDays: 120 }] })] },
    });
    template.hasResourceProperties('AWS::CloudTrail::Trail', { TrailName: 'org-trail' });
    template.hasResource('AWS::Logs::LogGroup', { Properties: Match.objectLike({ RetentionInDays: 731 }), DeletionPolicy: 'Delete' });
  });

  test.each([
    [{ lockDays: 89 }, 'AuditTrail: lockDays must be an integer from 90 to 36500 (DPP 3.6 keeps logs at least 90 days under profile dpp), got 89'],
    [{ logRetention: logs.RetentionDays.TWO_MONTHS }, 'AuditTrail: logRetention must be at least 90 days (DPP 3.6 Logging and Monitoring, profile dpp), got 60'],
    [{ transitionAfterDays: 10 }, 'AuditTrail: transitionAfterDays must be an integer from 30 to 36500'],
    [{ trailName: 'a' }, 'AuditTrail: trailName must be 3 to 128 letters'],
  ])('rejects %p', (props, message) => {
    expect(() => make(props)).toThrow(message);
  });
});

describe('retentionOfAtLeast', () => {
  test.each([[90, 90], [100, 120], [365, 365], [366, 400], [4000, logs.RetentionDays.INFINITE]])('%d days -> %d', (days, expected) => {
    expect(retentionOfAtLeast(days)).toBe(expected);
  });
});

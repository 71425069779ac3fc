import { Match, Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import { CIS_METRIC_FILTERS } from '../../../constructs/audit/cis-metric-filters';
import { SecurityAlarms } from '../../../constructs/audit/security-alarms';
import { dppErrorsAndAcknowledgments, resourcesOfType, stackWithoutBundling, tagValue } from '../no-bundling';

describe('SecurityAlarms (defaults)', () => {
  let template: Template;
  let alarms: SecurityAlarms;
  let app: ReturnType<typeof stackWithoutBundling>['app'];
  const topicId = () => (alarms.node.scope as any).resolve((alarms.topic.node.defaultChild as any).logicalId) as string;

  beforeAll(() => {
    const made = stackWithoutBundling();
    app = made.app;
    const trailLogGroup = new logs.LogGroup(made.stack, 'TrailLogs', { retention: logs.RetentionDays.ONE_YEAR });
    alarms = new SecurityAlarms(made.stack, 'Security', { alertEmail: 'security@example.com', trailLogGroup });
    template = Template.fromStack(made.stack);
  });

  test('the topic is KMS-encrypted, TLS-only, tagged as the security-alerts topic, with the e-mail subscription', () => {
    const [[id, topic]] = resourcesOfType(template, 'AWS::SNS::Topic');
    expect(topic.Properties.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/SecurityKey/), 'Arn'] });
    expect(tagValue(topic.Properties, 'dpp:purpose')).toBe('security-alerts');
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'security@example.com', TopicArn: { Ref: id } });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  test('the key rotates and lets CloudWatch and EventBridge of this account publish', () => {
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([Match.objectLike({
          Principal: { Service: ['cloudwatch.amazonaws.com', 'events.amazonaws.com'] },
          Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          Condition: { StringEquals: { 'aws:SourceAccount': '111111111111' } },
        })]),
      },
    });
  });

  test('one metric filter and one alarm per CIS event, at least 14, every alarm notifying the topic', () => {
    expect(CIS_METRIC_FILTERS.length).toBeGreaterThanOrEqual(14);
    const filters = resourcesOfType(template, 'AWS::Logs::MetricFilter');
    const alarmResources = resourcesOfType(template, 'AWS::CloudWatch::Alarm');
    expect(filters).toHaveLength(CIS_METRIC_FILTERS.length);
    expect(alarmResources).toHaveLength(CIS_METRIC_FILTERS.length);
    for (const [, alarm] of alarmResources) {
      expect(alarm.Properties).toMatchObject({
        AlarmActions: [{ Ref: topicId() }],
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        EvaluationPeriods: 1,
        TreatMissingData: 'notBreaching',
        Namespace: 'DPP/CloudTrail',
        Statistic: 'Sum',
      });
    }
    expect(Object.keys(alarms.alarms).sort()).toEqual(CIS_METRIC_FILTERS.map((f) => f.id).sort());
  });

  test.each([
    ['UnauthorizedApiCalls', '$.errorCode = "AccessDenied*"'],
    ['ConsoleSignInWithoutMfa', '$.additionalEventData.MFAUsed != "Yes"'],
    ['RootAccountUsage', '$.userIdentity.type = "Root"'],
    ['IamPolicyChanges', '($.eventName = AttachUserPolicy)'],
    ['CloudTrailChanges', '($.eventName = StopLogging)'],
    ['ConsoleAuthenticationFailures', '$.errorMessage = "Failed authentication"'],
    ['KmsKeyDisabledOrScheduledForDeletion', '($.eventName = ScheduleKeyDeletion)'],
    ['S3BucketPolicyChanges', '($.eventName = PutBucketPolicy)'],
    ['ConfigChanges', '($.eventName = StopConfigurationRecorder)'],
    ['SecurityGroupChanges', '($.eventName = AuthorizeSecurityGroupIngress)'],
    ['NetworkAclChanges', '($.eventName = CreateNetworkAclEntry)'],
    ['NetworkGatewayChanges', '($.eventName = AttachInternetGateway)'],
    ['RouteTableChanges', '($.eventName = CreateRoute)'],
    ['VpcChanges', '($.eventName = CreateVpc)'],
  ])('filters %s on the trail log group', (id, fragment) => {
    template.hasResourceProperties('AWS::Logs::MetricFilter', {
      LogGroupName: { Ref: Match.stringLikeRegexp('TrailLogs') },
      FilterPattern: Match.stringLikeRegexp(fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
      MetricTransformations: [{ MetricNamespace: 'DPP/CloudTrail', MetricName: id, MetricValue: '1' }],
    });
  });

  test('the DPP pack finds no error', () => {
    expect(dppErrorsAndAcknowledgments(app).errors).toEqual([]);
  });
});

describe('SecurityAlarms props', () => {
  const make = (props: Partial<ConstructorParameters<typeof SecurityAlarms>[2]>) => {
    const { stack } = stackWithoutBundling();
    const trailLogGroup = new logs.LogGroup(stack, 'TrailLogs');
    new SecurityAlarms(stack, 'Security', { alertEmail: 'security@example.com', trailLogGroup, ...props });
    return Template.fromStack(stack);
  };

  test('a custom namespace', () => {
    make({ metricNamespace: 'Acme/Trail' }).hasResourceProperties('AWS::CloudWatch::Alarm', { Namespace: 'Acme/Trail' });
  });

  test.each([
    [{ alertEmail: 'not-an-address' }, 'SecurityAlarms: alertEmail must be an e-mail address, got "not-an-address"'],
    [{ metricNamespace: 'AWS/Logs' }, 'SecurityAlarms: metricNamespace must be 1 to 255 of letters'],
  ])('rejects %p', (props, message) => {
    expect(() => make(props)).toThrow(message);
  });
});

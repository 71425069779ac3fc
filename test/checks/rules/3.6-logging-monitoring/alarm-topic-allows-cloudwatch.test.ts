import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { SecurityAlarms } from '../../../../constructs/audit/security-alarms';
import { AlarmTopicAllowsCloudWatch } from '../../../../lib/checks/rules/3.6-logging-monitoring/alarm-topic-allows-cloudwatch';
import { check, findingsOf, parameters, type Resources } from '../../../helpers/check';

const ALLOW = { Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: 'sns:Publish', Resource: { Ref: 'Topic' }, Condition: { StringEquals: { 'aws:SourceAccount': '111111111111' } } };
const DENY_HTTP = { Effect: 'Deny', Principal: '*', Action: 'sns:Publish', Resource: { Ref: 'Topic' }, Condition: { Bool: { 'aws:SecureTransport': 'false' } } };

function alarmTopic(statements: unknown[] | undefined, document?: unknown): Resources {
  return {
    Topic: { Type: 'AWS::SNS::Topic' },
    Alarm: { Type: 'AWS::CloudWatch::Alarm', Properties: { AlarmActions: [{ Ref: 'Topic' }] } },
    ...(statements || document ? { Policy: { Type: 'AWS::SNS::TopicPolicy', Properties: { Topics: [{ Ref: 'Topic' }], PolicyDocument: document ?? { Statement: statements } } } } : {}),
  };
}

describe('DPP-3.6-AlarmTopicAllowsCloudWatch', () => {
  test('passes an alarm topic whose policy lets cloudwatch.amazonaws.com publish', () => {
    expect(findingsOf(AlarmTopicAllowsCloudWatch, alarmTopic([DENY_HTTP, ALLOW]))).toEqual([]);
  });

  test('passes an alarm topic without a topic policy (SNS\'s default policy applies) and a topic no alarm notifies', () => {
    expect(findingsOf(AlarmTopicAllowsCloudWatch, alarmTopic(undefined))).toEqual([]);
    expect(findingsOf(AlarmTopicAllowsCloudWatch, { Topic: { Type: 'AWS::SNS::Topic' }, Policy: alarmTopic([DENY_HTTP]).Policy })).toEqual([]);
  });

  test('passes the SecurityAlarms construct', () => {
    const stack = new Stack(new App(), 'S', { env: { account: '111111111111', region: 'eu-west-1' } });
    new SecurityAlarms(stack, 'Alarms', { alertEmail: 'security@example.com', trailLogGroup: new logs.LogGroup(stack, 'Trail') });
    expect(check(Template.fromStack(stack).toJSON(), [AlarmTopicAllowsCloudWatch])).toEqual([]);
  });

  test('fails an alarm topic whose policy only denies plain HTTP (CDK enforceSSL: the default policy is gone)', () => {
    const stack = new Stack(new App(), 'S');
    const topic = new sns.Topic(stack, 'Alerts', { enforceSSL: true });
    new cloudwatch.Alarm(stack, 'A', { metric: new cloudwatch.Metric({ namespace: 'N', metricName: 'M' }), threshold: 1, evaluationPeriods: 1 })
      .addAlarmAction(new actions.SnsAction(topic));
    const findings = check(Template.fromStack(stack).toJSON(), [AlarmTopicAllowsCloudWatch]);
    expect(findings).toEqual([expect.objectContaining({ level: 'error', ruleId: 'DPP-3.6-AlarmTopicAllowsCloudWatch', message: expect.stringMatching(/does not allow cloudwatch\.amazonaws\.com to publish/) })]);
  });

  test('fails when CloudWatch may only subscribe, and when the allow names another service', () => {
    expect(findingsOf(AlarmTopicAllowsCloudWatch, alarmTopic([{ ...ALLOW, Action: 'sns:Subscribe' }]))).toEqual([expect.objectContaining({ level: 'error' })]);
    expect(findingsOf(AlarmTopicAllowsCloudWatch, alarmTopic([{ ...ALLOW, Principal: { Service: 'events.amazonaws.com' } }]))).toEqual([expect.objectContaining({ level: 'error' })]);
  });

  test('warns when the document or the allow\'s effect is an intrinsic', () => {
    expect(findingsOf(AlarmTopicAllowsCloudWatch, alarmTopic(undefined, { Ref: 'Doc' }), parameters('Doc'))).toEqual([
      expect.objectContaining({ level: 'warning', message: expect.stringMatching(/^cannot be verified at synth time: Policy\.PolicyDocument/) }),
    ]);
    expect(findingsOf(AlarmTopicAllowsCloudWatch, alarmTopic([{ ...ALLOW, Effect: { 'Fn::If': ['C', 'Allow', 'Deny'] } }]))).toEqual([
      expect.objectContaining({ level: 'warning' }),
    ]);
  });
});

import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as sns from 'aws-cdk-lib/aws-sns';
import { SnsDenyInsecureTransport } from '../../../../lib/checks/rules/2.5-encryption-in-transit/sns-deny-insecure-transport';
import { check, findingsOf, parameters, type Resources } from '../../../helpers/check';

const DENY = { Effect: 'Deny', Principal: '*', Action: 'sns:Publish', Resource: { Ref: 'Topic' }, Condition: { Bool: { 'aws:SecureTransport': 'false' } } };

function topicWithPolicy(statement: unknown, topics: unknown = [{ Ref: 'Topic' }]): Resources {
  return {
    Topic: { Type: 'AWS::SNS::Topic' },
    Policy: { Type: 'AWS::SNS::TopicPolicy', Properties: { Topics: topics, PolicyDocument: { Statement: [statement] } } },
  };
}

describe('DPP-2.5-SnsDenyInsecureTransport', () => {
  test('passes a topic whose policy denies publishing without TLS', () => {
    expect(findingsOf(SnsDenyInsecureTransport, topicWithPolicy(DENY))).toEqual([]);
  });

  test('passes the policy CDK writes for enforceSSL: true', () => {
    const stack = new Stack(new App(), 'S');
    new sns.Topic(stack, 'Alerts', { enforceSSL: true });
    expect(check(Template.fromStack(stack).toJSON(), [SnsDenyInsecureTransport])).toEqual([]);
  });

  test('passes a deny in an AWS::SNS::TopicInlinePolicy', () => {
    const resources: Resources = {
      Topic: { Type: 'AWS::SNS::Topic' },
      Inline: { Type: 'AWS::SNS::TopicInlinePolicy', Properties: { TopicArn: { Ref: 'Topic' }, PolicyDocument: { Statement: [DENY] } } },
    };
    expect(findingsOf(SnsDenyInsecureTransport, resources)).toEqual([]);
  });

  test('fails a topic without a topic policy', () => {
    const [finding, ...rest] = findingsOf(SnsDenyInsecureTransport, { Topic: { Type: 'AWS::SNS::Topic' } });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-2.5-SnsDenyInsecureTransport', clause: '2.5', level: 'error', logicalId: 'Topic' });
    expect(finding.message).toMatch(/no topic policy, so nothing denies requests without TLS/);
  });

  test('fails when the deny names another topic of the template', () => {
    const resources: Resources = {
      ...topicWithPolicy({ ...DENY, Resource: { Ref: 'Other' } }, [{ Ref: 'Topic' }, { Ref: 'Other' }]),
      Other: { Type: 'AWS::SNS::Topic' },
    };
    const findings = findingsOf(SnsDenyInsecureTransport, resources);
    expect(findings.map((f) => [f.logicalId, f.level])).toEqual([['Topic', 'error']]);
  });

  test('fails a deny of subscribing only (publishing stays open over HTTP)', () => {
    expect(findingsOf(SnsDenyInsecureTransport, topicWithPolicy({ ...DENY, Action: 'sns:Subscribe' }))).toEqual([
      expect.objectContaining({ level: 'error', message: expect.stringMatching(/does not deny every principal sns:Publish/) }),
    ]);
  });

  test('warns when the deny resource is built from a parameter', () => {
    const findings = findingsOf(SnsDenyInsecureTransport, topicWithPolicy({ ...DENY, Resource: { Ref: 'TopicArn' } }), parameters('TopicArn'));
    expect(findings).toEqual([expect.objectContaining({ level: 'warning', message: expect.stringMatching(/^cannot be verified at synth time: Policy\.PolicyDocument/) })]);
  });

  test('warns when the policy document is given by Fn::If', () => {
    const resources: Resources = {
      Topic: { Type: 'AWS::SNS::Topic' },
      Policy: { Type: 'AWS::SNS::TopicPolicy', Properties: { Topics: [{ Ref: 'Topic' }], PolicyDocument: { 'Fn::If': ['IsProd', { Statement: [DENY] }, { Statement: [] }] } } },
    };
    expect(findingsOf(SnsDenyInsecureTransport, resources)).toEqual([expect.objectContaining({ level: 'warning' })]);
  });
});

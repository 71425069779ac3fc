import { SecurityTopicSubscribed } from '../../../../lib/checks/rules/2.7-incident-response/security-topic-subscribed';
import type { StackTemplate } from '../../../../lib/checks/template';
import { check, parameters, template, type Resources } from '../../../helpers/check';

const ENV = (environment: string) => ({ Key: 'dpp:environment', Value: environment });
const PURPOSE = { Key: 'dpp:purpose', Value: 'security-alerts' };

function stack(id: string, resources: Resources, extra = {}): StackTemplate {
  return { id, stackName: id, template: template(resources, extra) };
}

function securityTopic(environment: string, properties: Record<string, unknown> = {}): Resources {
  return { SecurityTopic: { Type: 'AWS::SNS::Topic', Properties: { Tags: [ENV(environment), PURPOSE], ...properties } } };
}

const subscription = (topicArn: unknown): Resources => ({ OnCall: { Type: 'AWS::SNS::Subscription', Properties: { Protocol: 'email', Endpoint: 'oncall@example.com', TopicArn: topicArn } } });

const findings = (stacks: StackTemplate[]) => check(stacks, [SecurityTopicSubscribed]);

describe('DPP-2.7-SecurityTopicSubscribed', () => {
  test('passes environments whose security topic has a subscription resource or an inline subscription', () => {
    expect(findings([
      stack('Test', { ...securityTopic('test'), ...subscription({ Ref: 'SecurityTopic' }) }),
      stack('Prod', securityTopic('prod', { Subscription: [{ Protocol: 'email', Endpoint: 'oncall@example.com' }] })),
    ])).toEqual([]);
  });

  test('passes when the topic lives in another stack of the same environment', () => {
    const app: Resources = { Bucket: { Type: 'AWS::S3::Bucket', Properties: { Tags: [ENV('prod')] } } };
    expect(findings([stack('ProdApp', app), stack('ProdSecurity', { ...securityTopic('prod'), ...subscription({ Ref: 'SecurityTopic' }) })])).toEqual([]);
  });

  test('a stack without dpp:environment is no environment: only the "not checked" warning, decided per stack', () => {
    expect(findings([stack('Loose', { Bucket: { Type: 'AWS::S3::Bucket' } }), stack('Test', { ...securityTopic('test'), ...subscription({ Ref: 'SecurityTopic' }) })])).toEqual([expect.objectContaining({ level: 'warning', templateId: 'Loose', message: expect.stringContaining('environment controls not checked') })]);
  });

  test('fails an environment without a security topic, naming it, on its stack', () => {
    const [finding, ...rest] = findings([
      stack('Test', { ...securityTopic('test'), ...subscription({ Ref: 'SecurityTopic' }) }),
      stack('Prod', { Bucket: { Type: 'AWS::S3::Bucket', Properties: { Tags: [ENV('prod')] } } }),
    ]);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-2.7-SecurityTopicSubscribed', clause: '2.7', level: 'error', templateId: 'Prod', logicalId: undefined });
    expect(finding.message).toMatch(/environment "prod" has no SNS topic tagged dpp:purpose=security-alerts/);
  });

  test('fails a security topic without a subscription, on the topic', () => {
    expect(findings([stack('Prod', securityTopic('prod'))])).toEqual([
      expect.objectContaining({ level: 'error', templateId: 'Prod', logicalId: 'SecurityTopic', message: expect.stringMatching(/has no subscription, so alerts reach nobody/) }),
    ]);
  });

  test('a subscription to another topic does not count', () => {
    const resources: Resources = { ...securityTopic('prod'), Other: { Type: 'AWS::SNS::Topic' }, ...subscription({ Ref: 'Other' }) };
    expect(findings([stack('Prod', resources)])).toEqual([expect.objectContaining({ level: 'error', logicalId: 'SecurityTopic' })]);
  });

  test.each([
    ['a subscription whose TopicArn is imported', { ...securityTopic('prod'), ...subscription({ 'Fn::ImportValue': 'SecurityTopicArn' }) }, /OnCall.TopicArn/],
    ['a subscription whose TopicArn is a parameter', { ...securityTopic('prod'), ...subscription({ Ref: 'TopicArn' }) }, /OnCall.TopicArn \(parameter TopicArn: it may subscribe to the security topic\)/],
    ['inline subscriptions given by Fn::If', securityTopic('prod', { Subscription: { 'Fn::If': ['IsProd', [], []] } }), /SecurityTopic.Subscription/],
    ['a topic whose purpose tag is a parameter', { Topic: { Type: 'AWS::SNS::Topic', Properties: { Tags: [ENV('prod'), { Key: 'dpp:purpose', Value: { Ref: 'TopicArn' } }] } } }, /Tags.dpp:purpose/],
  ])('warns on %s', (_, resources, message) => {
    expect(findings([stack('Prod', resources, parameters('TopicArn'))])).toEqual([
      expect.objectContaining({ level: 'warning', message: expect.stringMatching(/^cannot be verified at synth time/) }),
    ]);
    expect(findings([stack('Prod', resources, parameters('TopicArn'))])[0].message).toMatch(message);
  });
});

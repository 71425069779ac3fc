import { SnsHttpsSubscription } from '../../../../lib/checks/rules/2.5-encryption-in-transit/sns-https-subscription';
import { findingsOf, parameters } from '../../../helpers/check';

const subscription = (protocol: unknown) => findingsOf(SnsHttpsSubscription, { Sub: { Type: 'AWS::SNS::Subscription', Properties: { TopicArn: 'arn:aws:sns:eu-west-1:111111111111:t', Protocol: protocol, Endpoint: 'x' } } }, parameters('Protocol'));

describe('DPP-2.5-SnsHttpsSubscription', () => {
  test.each(['https', 'email', 'sqs'])('passes %s', (p) => expect(subscription(p)).toEqual([]));
  test.each(['http', 'HTTP'])('fails %s', (p) => expect(subscription(p)).toEqual([expect.objectContaining({ level: 'error', property: 'Protocol' })]));
  test('warns when the protocol is a parameter', () => expect(subscription({ Ref: 'Protocol' })).toEqual([expect.objectContaining({ level: 'warning' })]));
  test('reads a topic\'s inline Subscription list', () => {
    const topic = findingsOf(SnsHttpsSubscription, { Topic: { Type: 'AWS::SNS::Topic', Properties: { Subscription: [{ Protocol: 'https', Endpoint: 'https://a' }, { Protocol: 'http', Endpoint: 'http://b' }] } } });
    expect(topic).toEqual([expect.objectContaining({ level: 'error', property: 'Subscription.1.Protocol' })]);
  });
});

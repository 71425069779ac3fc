import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { ElbListenerTls } from '../../../../lib/checks/rules/2.5-encryption-in-transit/elb-listener-tls';
import { check, findingsOf, parameters, type Resources } from '../../../helpers/check';

const REDIRECT = { Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } };
const FORWARD = { Type: 'forward', TargetGroupArn: 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/app/1' };

function listener(properties: Record<string, unknown>): Resources {
  return { Listener: { Type: 'AWS::ElasticLoadBalancingV2::Listener', Properties: { LoadBalancerArn: 'arn:lb', Port: 443, ...properties } } };
}

describe('DPP-2.5-ElbListenerTls', () => {
  test.each([
    ['HTTPS with the TLS 1.3/1.2 policy', { Protocol: 'HTTPS', SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' }],
    ['TLS with a TLS 1.2-only policy', { Protocol: 'TLS', SslPolicy: 'ELBSecurityPolicy-TLS-1-2-Ext-2018-06' }],
    ['HTTPS with a FIPS post-quantum policy', { Protocol: 'HTTPS', SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-Res-FIPS-PQ-2025-09' }],
    ['HTTPS with a TLS 1.3-only policy', { Protocol: 'HTTPS', SslPolicy: 'ELBSecurityPolicy-TLS13-1-3-2021-06' }],
    ['HTTP that only redirects to HTTPS', { Protocol: 'HTTP', Port: 80, DefaultActions: [REDIRECT] }],
    ['a Gateway Load Balancer listener (no protocol)', { DefaultActions: [FORWARD] }],
  ])('passes %s', (_, properties) => {
    expect(findingsOf(ElbListenerTls, listener(properties))).toEqual([]);
  });

  test('passes what CDK writes for an HTTPS listener with SslPolicy.RECOMMENDED_TLS and a redirect listener', () => {
    const stack = new Stack(new App(), 'S');
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
    const lb = new elbv2.ApplicationLoadBalancer(stack, 'Lb', { vpc });
    lb.addListener('Https', {
      port: 443,
      sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
      certificates: [elbv2.ListenerCertificate.fromArn('arn:aws:acm:eu-west-1:111111111111:certificate/x')],
      defaultAction: elbv2.ListenerAction.fixedResponse(200),
    });
    lb.addRedirect();
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::ElasticLoadBalancingV2::Listener', 2);
    expect(check(template.toJSON(), [ElbListenerTls])).toEqual([]);
  });

  test('fails an HTTPS listener without SslPolicy (the default accepts TLS 1.0)', () => {
    const [finding, ...rest] = findingsOf(ElbListenerTls, listener({ Protocol: 'HTTPS' }));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-2.5-ElbListenerTls', clause: '2.5', level: 'error', logicalId: 'Listener', property: 'SslPolicy' });
    expect(finding.message).toMatch(/sets no SslPolicy, so it gets ELBSecurityPolicy-2016-08, which accepts TLS 1.0/);
  });

  test.each([
    ['ELBSecurityPolicy-2016-08', 'TLS 1.0'],
    ['ELBSecurityPolicy-TLS-1-1-2017-01', 'TLS 1.1'],
    ['ELBSecurityPolicy-TLS13-1-0-2021-06', 'TLS 1.0'],
    ['ELBSecurityPolicy-TLS13-1-1-FIPS-2023-04', 'TLS 1.1'],
    ['ELBSecurityPolicy-FS-2018-06', 'TLS 1.0'],
  ])('fails SslPolicy %s, which accepts %s', (policy, version) => {
    expect(findingsOf(ElbListenerTls, listener({ Protocol: 'TLS', SslPolicy: policy }))).toEqual([
      expect.objectContaining({ level: 'error', message: expect.stringContaining(`SslPolicy ${policy} accepts ${version}`) }),
    ]);
  });

  test('fails an unknown SslPolicy name rather than trusting it', () => {
    expect(findingsOf(ElbListenerTls, listener({ Protocol: 'HTTPS', SslPolicy: 'MyPolicy' }))).toEqual([
      expect.objectContaining({ level: 'error', message: expect.stringMatching(/not a known TLS 1.2\+ security policy/) }),
    ]);
  });

  test.each(['TCP', 'UDP', 'TCP_UDP'])('fails a %s listener', (protocol) => {
    expect(findingsOf(ElbListenerTls, listener({ Protocol: protocol }))).toEqual([
      expect.objectContaining({ level: 'error', property: 'Protocol', message: expect.stringContaining(`uses ${protocol}`) }),
    ]);
  });

  test('fails an HTTP listener that forwards', () => {
    expect(findingsOf(ElbListenerTls, listener({ Protocol: 'HTTP', DefaultActions: [FORWARD] }))).toEqual([
      expect.objectContaining({ level: 'error', message: expect.stringMatching(/does not only redirect to HTTPS: DefaultActions.0 is a forward action/) }),
    ]);
  });

  test('fails an HTTP listener without default actions', () => {
    expect(findingsOf(ElbListenerTls, listener({ Protocol: 'HTTP', DefaultActions: [] }))).toEqual([expect.objectContaining({ level: 'error', property: 'DefaultActions' })]);
  });

  test('fails an HTTP redirect that keeps the protocol (#{protocol} is the default)', () => {
    const findings = findingsOf(ElbListenerTls, listener({ Protocol: 'HTTP', DefaultActions: [{ Type: 'redirect', RedirectConfig: { Port: '8080', StatusCode: 'HTTP_301' } }] }));
    expect(findings).toEqual([expect.objectContaining({ level: 'error', message: expect.stringMatching(/redirects to #\{protocol\} \(HTTP\), not HTTPS/) })]);
  });

  test('fails an HTTP listener whose listener rule forwards, though its default action redirects', () => {
    const resources: Resources = {
      ...listener({ Protocol: 'HTTP', DefaultActions: [REDIRECT] }),
      Rule: { Type: 'AWS::ElasticLoadBalancingV2::ListenerRule', Properties: { ListenerArn: { Ref: 'Listener' }, Priority: 1, Conditions: [], Actions: [FORWARD] } },
    };
    expect(findingsOf(ElbListenerTls, resources)).toEqual([
      expect.objectContaining({ level: 'error', logicalId: 'Listener', message: expect.stringContaining('Rule.Actions.0 is a forward action') }),
    ]);
  });

  test.each([
    ['SslPolicy from a parameter', { Protocol: 'HTTPS', SslPolicy: { Ref: 'Policy' } }, /^cannot be verified at synth time: SslPolicy \(parameter Policy\)/],
    ['Protocol under Fn::If', { Protocol: { 'Fn::If': ['Secure', 'HTTPS', 'HTTP'] } }, /^cannot be verified at synth time: Protocol/],
    ['a redirect protocol from a parameter', { Protocol: 'HTTP', DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: { Ref: 'Policy' } } }] }, /RedirectConfig\.Protocol/],
  ])('warns when %s', (_, properties, message) => {
    expect(findingsOf(ElbListenerTls, listener(properties), parameters('Policy'))).toEqual([expect.objectContaining({ level: 'warning', message: expect.stringMatching(message) })]);
  });
});

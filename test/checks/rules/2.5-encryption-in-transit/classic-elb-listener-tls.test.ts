import { ClassicElbListenerTls } from '../../../../lib/checks/rules/2.5-encryption-in-transit/classic-elb-listener-tls';
import { findingsOf, parameters, type Resources } from '../../../helpers/check';

const TLS12_POLICY = { PolicyName: 'Tls12', PolicyType: 'SSLNegotiationPolicyType', Attributes: [{ Name: 'Reference-Security-Policy', Value: 'ELBSecurityPolicy-TLS-1-2-2017-01' }] };

function classic(listeners: unknown, policies: unknown = [TLS12_POLICY]): Resources {
  return { Lb: { Type: 'AWS::ElasticLoadBalancing::LoadBalancer', Properties: { Listeners: listeners, Policies: policies } } };
}

const https = (extra: Record<string, unknown> = {}) => ({ LoadBalancerPort: '443', InstancePort: '8443', Protocol: 'HTTPS', PolicyNames: ['Tls12'], ...extra });

describe('DPP-2.5-ClassicElbListenerTls', () => {
  test('passes an HTTPS listener with the TLS 1.2 predefined policy', () => {
    expect(findingsOf(ClassicElbListenerTls, classic([https()]))).toEqual([]);
  });

  test('passes an SSL listener with a custom policy enabling TLS 1.2 only', () => {
    const custom = { PolicyName: 'Custom', PolicyType: 'SSLNegotiationPolicyType', Attributes: [{ Name: 'Protocol-TLSv1.2', Value: 'true' }, { Name: 'Protocol-TLSv1', Value: 'false' }] };
    expect(findingsOf(ClassicElbListenerTls, classic([https({ Protocol: 'ssl', PolicyNames: ['Custom'] })], [custom]))).toEqual([]);
  });

  test('fails an HTTP listener: a classic load balancer cannot redirect', () => {
    const [finding, ...rest] = findingsOf(ClassicElbListenerTls, classic([https(), { LoadBalancerPort: '80', InstancePort: '80', Protocol: 'HTTP' }]));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-2.5-ClassicElbListenerTls', clause: '2.5', level: 'error', logicalId: 'Lb', property: 'Listeners.1.Protocol' });
    expect(finding.message).toMatch(/listener on port 80 uses HTTP, which is not encrypted/);
  });

  test('fails an HTTPS listener without a negotiation policy (default accepts TLS 1.0)', () => {
    expect(findingsOf(ClassicElbListenerTls, classic([https({ PolicyNames: [] })]))).toEqual([
      expect.objectContaining({ level: 'error', message: expect.stringMatching(/no SSL negotiation policy.*TLS 1.0/) }),
    ]);
  });

  test.each([
    ['a legacy predefined policy', { PolicyName: 'Tls12', PolicyType: 'SSLNegotiationPolicyType', Attributes: [{ Name: 'Reference-Security-Policy', Value: 'ELBSecurityPolicy-2016-08' }] }, /accepts TLS 1.0/],
    ['a custom policy enabling TLS 1.0', { PolicyName: 'Tls12', PolicyType: 'SSLNegotiationPolicyType', Attributes: [{ Name: 'Protocol-TLSv1.2', Value: 'true' }, { Name: 'Protocol-TLSv1', Value: 'true' }] }, /enables Protocol-TLSv1/],
  ])('fails %s', (_, policy, message) => {
    expect(findingsOf(ClassicElbListenerTls, classic([https()], [policy]))).toEqual([expect.objectContaining({ level: 'error', message: expect.stringMatching(message) })]);
  });

  test.each([
    ['Listeners under Fn::If', { 'Fn::If': ['IsProd', [https()], []] }, /^cannot be verified at synth time: Listeners/],
    ['a listener protocol from a parameter', [https({ Protocol: { Ref: 'Proto' } })], /^cannot be verified at synth time: Listeners\.0\.Protocol \(parameter Proto\)/],
  ])('warns on %s', (_, listeners, message) => {
    expect(findingsOf(ClassicElbListenerTls, classic(listeners), parameters('Proto'))).toEqual([expect.objectContaining({ level: 'warning', message: expect.stringMatching(message) })]);
  });
});

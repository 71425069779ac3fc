import { LoadBalancerAccessLogs } from '../../../../lib/checks/rules/3.6-logging-monitoring/load-balancer-access-logs';
import { findingsOf, parameters } from '../../../helpers/check';
import { expectOneFailure, expectOneUnresolvable } from '../../../helpers/rule-expectations';

const alb = (attributes: unknown, type = 'application') => ({ Lb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Type: type, LoadBalancerAttributes: attributes } } });
const logs = (enabled: unknown) => [{ Key: 'deletion_protection.enabled', Value: 'true' }, { Key: 'access_logs.s3.enabled', Value: enabled }, { Key: 'access_logs.s3.bucket', Value: 'logs' }];

describe('DPP-3.6-LoadBalancerAccessLogs', () => {
  test('passes an ALB with access logs, and a gateway load balancer (which has none)', () => {
    expect(findingsOf(LoadBalancerAccessLogs, alb(logs('true')))).toEqual([]);
    expect(findingsOf(LoadBalancerAccessLogs, alb(undefined, 'gateway'))).toEqual([]);
  });

  test('fails an ALB without the attribute', () => {
    expectOneFailure(findingsOf(LoadBalancerAccessLogs, alb(undefined)), LoadBalancerAccessLogs, 'Lb', /access logging is off \(access_logs.s3.enabled is not set\)/);
  });

  test('fails an NLB with access logs disabled', () => {
    expectOneFailure(findingsOf(LoadBalancerAccessLogs, alb(logs('false'), 'network')), LoadBalancerAccessLogs, 'Lb', /access_logs.s3.enabled is false/);
  });

  test('fails a classic load balancer without an access logging policy', () => {
    expectOneFailure(findingsOf(LoadBalancerAccessLogs, { C: { Type: 'AWS::ElasticLoadBalancing::LoadBalancer', Properties: {} } }), LoadBalancerAccessLogs, 'C', /AccessLoggingPolicy.Enabled is not true/);
  });

  test.each([
    ['a parameter', { Ref: 'Logs' }],
    ['Fn::If', { 'Fn::If': ['C', 'true', 'false'] }],
  ])('warns when the attribute is %s', (_, value) => {
    expectOneUnresolvable(findingsOf(LoadBalancerAccessLogs, alb(logs(value)), parameters('Logs')), 'LoadBalancerAttributes.access_logs.s3.enabled');
  });
});

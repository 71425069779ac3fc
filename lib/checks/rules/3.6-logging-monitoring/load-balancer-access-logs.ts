import { requireTrue } from '../../assert';
import type { ResourceContext, Verdict } from '../../types';
import { fail, resourceRule, unresolvable } from '../../types';
import { asArray, asBoolean, isIntrinsic } from '../../values';

const ACCESS_LOGS = 'access_logs.s3.enabled';

/** ELBv2 keeps attributes as a `{ Key, Value }` list; access logs are off unless `access_logs.s3.enabled` is "true". */
function elbv2AccessLogs(ctx: ResourceContext): Verdict | undefined {
  const type = ctx.prop('Type');
  if (type.kind === 'unresolvable') return unresolvable('Type', type.why);
  // Gateway load balancers forward packets and have no access logs.
  if (type.kind === 'known' && type.value === 'gateway') return undefined;
  const attributes: unknown = ctx.properties.LoadBalancerAttributes;
  if (isIntrinsic(attributes)) return unresolvable('LoadBalancerAttributes', 'the attributes are given by an intrinsic');
  let undecided = false;
  for (const attribute of asArray(attributes)) {
    if (isIntrinsic(attribute)) {
      undecided = true;
      continue;
    }
    const { Key: key, Value: value } = (attribute ?? {}) as { Key?: unknown; Value?: unknown };
    if (key !== ACCESS_LOGS) continue;
    const known = ctx.index.classify(value);
    if (known.kind !== 'known') return unresolvable(`LoadBalancerAttributes.${ACCESS_LOGS}`, known.kind === 'unresolvable' ? known.why : 'a reference');
    return asBoolean(known.value) === true ? undefined : fail(`access logging is off (${ACCESS_LOGS} is ${String(known.value)})`, 'LoadBalancerAttributes');
  }
  if (undecided) return unresolvable('LoadBalancerAttributes', 'an attribute is given by an intrinsic');
  return fail(`access logging is off (${ACCESS_LOGS} is not set)`, 'LoadBalancerAttributes');
}

export const LoadBalancerAccessLogs = resourceRule({
  id: 'DPP-3.6-LoadBalancerAccessLogs',
  clause: '3.6',
  level: 'error',
  resourceTypes: ['AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::ElasticLoadBalancing::LoadBalancer'],
  description: 'Load balancers log access to S3',
  fix: 'Enable access logs (ELBv2: LoadBalancerAttributes access_logs.s3.enabled=true with access_logs.s3.bucket; Classic: AccessLoggingPolicy.Enabled) — CDK: loadBalancer.logAccessLogs(bucket)',
  explanation: 'DPP 3.6 Logging and Monitoring requires logging access attempts on every service API channel that reaches Information.',
  check: (ctx) => ctx.type === 'AWS::ElasticLoadBalancing::LoadBalancer'
    ? requireTrue(ctx, 'AccessLoggingPolicy.Enabled', 'access logging is off (AccessLoggingPolicy.Enabled is not true)')
    : elbv2AccessLogs(ctx),
});

import { ELB_DEFAULT_SSL_POLICY, elbPolicyMinimumTls, MINIMUM_TLS, tlsLabel } from '../../lookups/tls';
import type { ResourceContext, Verdict } from '../../types';
import { fail, resourceRule, unresolvable } from '../../types';
import { asArray, asBoolean, containsIntrinsic, isIntrinsic } from '../../values';

/** Protocol attributes of a custom SSL negotiation policy that let a client in below TLS 1.2. */
const LEGACY_PROTOCOL_ATTRIBUTES = ['Protocol-SSLv2', 'Protocol-SSLv3', 'Protocol-TLSv1', 'Protocol-TLSv1.1'];

interface Attribute {
  readonly Name?: unknown;
  readonly Value?: unknown;
}

/** Why an SSL negotiation policy accepts less than TLS 1.2 (undefined when it does not). */
function negotiationPolicyProblem(name: string, attributes: readonly Attribute[]): string | undefined {
  const reference = attributes.find((a) => a.Name === 'Reference-Security-Policy');
  if (reference) {
    const predefined = String(reference.Value);
    const minimum = elbPolicyMinimumTls(predefined);
    if (minimum === undefined) return `policy ${name} references ${predefined}, not a known TLS 1.2+ security policy`;
    return minimum < MINIMUM_TLS ? `policy ${name} references ${predefined}, which accepts ${tlsLabel(minimum)}` : undefined;
  }
  const legacy = attributes.filter((a) => typeof a.Name === 'string' && LEGACY_PROTOCOL_ATTRIBUTES.includes(a.Name) && asBoolean(a.Value) === true);
  if (legacy.length > 0) return `policy ${name} enables ${legacy.map((a) => String(a.Name)).join(', ')}`;
  const tls12 = attributes.find((a) => a.Name === 'Protocol-TLSv1.2');
  return tls12 && asBoolean(tls12.Value) === true ? undefined : `policy ${name} does not enable Protocol-TLSv1.2`;
}

/** The verdict for one HTTPS/SSL listener: its SSL negotiation policy must accept TLS 1.2+ only. */
function listenerPolicyVerdict(ctx: ResourceContext, listener: Record<string, unknown>, label: string, property: string): Verdict | undefined {
  if (containsIntrinsic(listener.PolicyNames)) return unresolvable(`${property}.PolicyNames`, 'policy names given by an intrinsic');
  if (containsIntrinsic(ctx.properties.Policies)) return unresolvable('Policies', 'policies given by an intrinsic');
  const names = new Set(asArray(listener.PolicyNames).map(String));
  const policies = asArray(ctx.properties.Policies) as Array<{ PolicyName?: unknown; PolicyType?: unknown; Attributes?: unknown }>;
  const negotiation = policies.filter((p) => p && p.PolicyType === 'SSLNegotiationPolicyType' && names.has(String(p.PolicyName)));
  if (negotiation.length === 0) {
    return fail(`${label} has no SSL negotiation policy, so it gets ${ELB_DEFAULT_SSL_POLICY}, which accepts TLS 1.0`, `${property}.PolicyNames`);
  }
  for (const policy of negotiation) {
    // Malformed entries (null, scalars) carry no attribute: skip them rather than trip on them.
    const attributes = asArray(policy.Attributes).filter((a): a is Attribute => !!a && typeof a === 'object');
    const problem = negotiationPolicyProblem(String(policy.PolicyName), attributes);
    if (problem) return fail(`${label}: ${problem}`, 'Policies');
  }
  return undefined;
}

export const ClassicElbListenerTls = resourceRule({
  id: 'DPP-2.5-ClassicElbListenerTls',
  clause: '2.5',
  level: 'error',
  resourceTypes: ['AWS::ElasticLoadBalancing::LoadBalancer'],
  description: 'Classic load balancer listeners are HTTPS/SSL with a TLS 1.2+ negotiation policy',
  fix: 'Use HTTPS or SSL listeners with an SSLNegotiationPolicyType policy whose Reference-Security-Policy is ELBSecurityPolicy-TLS-1-2-2017-01 (or migrate to an Application Load Balancer)',
  explanation: 'DPP 2.5 Encryption in Transit requires TLS 1.2 or newer on every endpoint; a classic load balancer cannot redirect HTTP to HTTPS, so every listener must terminate TLS.',
  check: (ctx) => {
    const listeners = ctx.properties.Listeners;
    if (isIntrinsic(listeners)) return unresolvable('Listeners', 'listeners given by an intrinsic');
    const verdicts: Verdict[] = [];
    asArray(listeners).forEach((raw, i) => {
      const property = `Listeners.${i}`;
      if (isIntrinsic(raw) || !raw || typeof raw !== 'object') {
        verdicts.push(unresolvable(property, 'a listener given by an intrinsic'));
        return;
      }
      const listener = raw as Record<string, unknown>;
      const label = `the listener on port ${String(listener.LoadBalancerPort)}`;
      const protocol = ctx.prop(`${property}.Protocol`);
      if (protocol.kind === 'unresolvable') {
        verdicts.push(unresolvable(`${property}.Protocol`, protocol.why));
        return;
      }
      const name = protocol.kind === 'known' ? String(protocol.value).toUpperCase() : '';
      const verdict = name === 'HTTPS' || name === 'SSL'
        ? listenerPolicyVerdict(ctx, listener, label, property)
        : fail(`${label} uses ${name || 'no protocol'}, which is not encrypted`, `${property}.Protocol`);
      if (verdict) verdicts.push(verdict);
    });
    return verdicts;
  },
});

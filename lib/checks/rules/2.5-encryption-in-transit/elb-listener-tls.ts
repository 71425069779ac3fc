import { ELB_DEFAULT_SSL_POLICY, elbPolicyMinimumTls, MINIMUM_TLS, tlsLabel } from '../../lookups/tls';
import type { ResourceContext, Verdict } from '../../types';
import { fail, resourceRule, unresolvable } from '../../types';
import { asArray, isIntrinsic } from '../../values';

/** The SslPolicy of an HTTPS/TLS listener must accept TLS 1.2 or newer only; absent means the API default. */
function sslPolicyVerdict(ctx: ResourceContext, protocol: string): Verdict | undefined {
  const policy = ctx.prop('SslPolicy');
  if (policy.kind === 'unresolvable') return unresolvable('SslPolicy', policy.why);
  if (policy.kind === 'reference') return unresolvable('SslPolicy', 'a reference to another resource');
  if (policy.kind === 'absent') return fail(`the ${protocol} listener sets no SslPolicy, so it gets ${ELB_DEFAULT_SSL_POLICY}, which accepts TLS 1.0`, 'SslPolicy');
  const name = String(policy.value);
  const minimum = elbPolicyMinimumTls(name);
  if (minimum === undefined) return fail(`SslPolicy ${name} is not a known TLS 1.2+ security policy`, 'SslPolicy');
  return minimum < MINIMUM_TLS ? fail(`SslPolicy ${name} accepts ${tlsLabel(minimum)}`, 'SslPolicy') : undefined;
}

/** Why one action of an HTTP listener is not a redirect to HTTPS (undefined when it is), or an unresolvable verdict. */
function actionProblem(action: unknown, property: string): string | Verdict | undefined {
  if (isIntrinsic(action)) return unresolvable(property, 'an action given by an intrinsic');
  const { Type: type, RedirectConfig: redirect } = (action ?? {}) as { Type?: unknown; RedirectConfig?: { Protocol?: unknown } };
  if (isIntrinsic(type)) return unresolvable(`${property}.Type`, 'the action type is given by an intrinsic');
  if (type !== 'redirect') return `${property} is a ${String(type)} action, serving traffic over plain HTTP`;
  const target = redirect?.Protocol;
  if (isIntrinsic(target) || isIntrinsic(redirect)) return unresolvable(`${property}.RedirectConfig.Protocol`, 'the redirect protocol is given by an intrinsic');
  return target === 'HTTPS' ? undefined : `${property} redirects to ${target === undefined ? '#{protocol} (HTTP)' : String(target)}, not HTTPS`;
}

/**
 * An HTTP listener is allowed only as a redirect to HTTPS: every default action, and every action
 * of the listener rules attached to it in the template, must redirect with Protocol HTTPS.
 */
function redirectOnlyVerdict(ctx: ResourceContext): Verdict | undefined {
  const defaults = ctx.properties.DefaultActions;
  if (!isIntrinsic(defaults) && asArray(defaults).length === 0) return fail('the HTTP listener has no DefaultActions redirecting to HTTPS', 'DefaultActions');
  const actionLists: Array<[string, unknown]> = [['DefaultActions', defaults]];
  for (const ref of ctx.index.referrersOf(ctx.logicalId, 'AWS::ElasticLoadBalancingV2::ListenerRule', 'Properties.ListenerArn')) {
    actionLists.push([`${ref.from}.Actions`, ctx.index.resource(ref.from)?.Properties?.Actions]);
  }
  let uncertain: Verdict | undefined;
  for (const [property, actions] of actionLists) {
    if (isIntrinsic(actions)) {
      uncertain ??= unresolvable(property, 'actions given by an intrinsic');
      continue;
    }
    const list = asArray(actions);
    for (let i = 0; i < list.length; i++) {
      const problem = actionProblem(list[i], `${property}.${i}`);
      if (typeof problem === 'string') return fail(`the HTTP listener does not only redirect to HTTPS: ${problem}`, property);
      uncertain ??= problem;
    }
  }
  return uncertain;
}

export const ElbListenerTls = resourceRule({
  id: 'DPP-2.5-ElbListenerTls',
  clause: '2.5',
  level: 'error',
  resourceTypes: ['AWS::ElasticLoadBalancingV2::Listener'],
  description: 'Load balancer listeners are HTTPS/TLS with a TLS 1.2+ security policy, or HTTP that only redirects to HTTPS',
  fix: 'Use Protocol HTTPS or TLS with SslPolicy ELBSecurityPolicy-TLS13-1-2-2021-06 (or another TLS 1.2+ policy); keep HTTP listeners only as a redirect to HTTPS',
  explanation: 'DPP 2.5 Encryption in Transit requires TLS 1.2 or newer on every internal and external endpoint that carries Information.',
  check: (ctx) => {
    const protocol = ctx.prop('Protocol');
    if (protocol.kind === 'unresolvable') return unresolvable('Protocol', protocol.why);
    if (protocol.kind === 'reference') return unresolvable('Protocol', 'a reference to another resource');
    // Gateway Load Balancer listeners have no protocol: they pass packets through to appliances and terminate nothing.
    if (protocol.kind === 'absent') return undefined;
    const name = String(protocol.value).toUpperCase();
    if (name === 'HTTPS' || name === 'TLS') return sslPolicyVerdict(ctx, name);
    if (name === 'HTTP') return redirectOnlyVerdict(ctx);
    // QUIC is TLS 1.3 by construction; GENEVE is the Gateway Load Balancer pass-through.
    if (name === 'QUIC' || name === 'GENEVE') return undefined;
    return fail(`the listener uses ${name}, which the load balancer does not encrypt (TLS passthrough to the targets must be acknowledged with how the targets enforce TLS 1.2+)`, 'Protocol');
  },
});

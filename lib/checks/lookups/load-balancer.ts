import type { TemplateIndex } from '../template-index';
import { asArray, asNumber, isIntrinsic } from '../values';

/**
 * Load-balancer lookups: whether an HTTP listener only redirects to HTTPS (DPP 2.1 allows port 80
 * from anywhere only for such a listener; DPP 2.5 accepts such a listener as encrypted in transit).
 */

export type Decision = { readonly answer: 'yes' } | { readonly answer: 'no' | 'unknown'; readonly why: string };

const YES: Decision = { answer: 'yes' };

const LISTENER = 'AWS::ElasticLoadBalancingV2::Listener';
const LISTENER_RULE = 'AWS::ElasticLoadBalancingV2::ListenerRule';
const LOAD_BALANCER = 'AWS::ElasticLoadBalancingV2::LoadBalancer';
/** Resources that refer to a security group without attaching it to anything. */
const SECURITY_GROUP_RULE_TYPES = new Set(['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress', 'AWS::EC2::SecurityGroupEgress']);

/** Whether a list of listener actions (DefaultActions, or a listener rule's Actions) does nothing but redirect to HTTPS. */
function actionsRedirectToHttps(actions: unknown, where: string): Decision {
  if (isIntrinsic(actions)) return { answer: 'unknown', why: `${where} is an intrinsic` };
  const list = asArray(actions);
  if (list.length === 0) return { answer: 'no', why: `${where} has no action` };
  for (const action of list) {
    if (!action || typeof action !== 'object' || isIntrinsic(action)) return { answer: 'unknown', why: `an action of ${where} is an intrinsic` };
    const { Type: type, RedirectConfig: redirect } = action as Record<string, unknown>;
    if (isIntrinsic(type)) return { answer: 'unknown', why: `an action type of ${where} is an intrinsic` };
    if (String(type).toLowerCase() !== 'redirect') return { answer: 'no', why: `${where} has a "${String(type)}" action` };
    const protocol = redirect && typeof redirect === 'object' ? (redirect as Record<string, unknown>).Protocol : undefined;
    if (isIntrinsic(protocol)) return { answer: 'unknown', why: `the redirect protocol of ${where} is an intrinsic` };
    // A redirect without Protocol keeps the request's own protocol (#{protocol}): HTTP stays HTTP.
    if (String(protocol).toUpperCase() !== 'HTTPS') return { answer: 'no', why: `${where} redirects to ${protocol === undefined ? 'the same protocol' : String(protocol)}, not HTTPS` };
  }
  return YES;
}

/** Whether a listener of the template only redirects to HTTPS: its default actions and every listener rule attached to it. */
export function listenerOnlyRedirectsToHttps(index: TemplateIndex, listenerId: string): Decision {
  const listener = index.resource(listenerId)?.Properties ?? {};
  const own = actionsRedirectToHttps(listener.DefaultActions, `listener ${listenerId}`);
  if (own.answer !== 'yes') return own;
  for (const rule of index.referrersOf(listenerId, LISTENER_RULE, 'Properties.ListenerArn')) {
    const decision = actionsRedirectToHttps(index.resource(rule.from)?.Properties?.Actions, `listener rule ${rule.from}`);
    if (decision.answer !== 'yes') return decision;
  }
  return YES;
}

/** Whether every port-80 listener of a load balancer only redirects to HTTPS (and it has one). */
function port80RedirectsToHttps(index: TemplateIndex, loadBalancerId: string): Decision {
  let found = false;
  for (const ref of index.referrersOf(loadBalancerId, LISTENER, 'Properties.LoadBalancerArn')) {
    const portRaw = index.resource(ref.from)?.Properties?.Port;
    if (isIntrinsic(portRaw)) return { answer: 'unknown', why: `the Port of listener ${ref.from} is an intrinsic` };
    if (asNumber(portRaw) !== 80) continue;
    found = true;
    const decision = listenerOnlyRedirectsToHttps(index, ref.from);
    if (decision.answer !== 'yes') return decision;
  }
  return found ? YES : { answer: 'no', why: `load balancer ${loadBalancerId} has no port-80 listener redirecting to HTTPS` };
}

/**
 * Whether a security group serves only load balancers whose port-80 listeners only redirect to
 * HTTPS: the one case where DPP 2.1 lets port 80 open to the internet.
 */
export function securityGroupServesRedirectOnly(index: TemplateIndex, securityGroupId: string): Decision {
  const attachments = index.referrersOf(securityGroupId).filter((r) => !SECURITY_GROUP_RULE_TYPES.has(index.typeOf(r.from) ?? ''));
  if (attachments.length === 0) return { answer: 'no', why: 'the security group is not attached to a load balancer of this template' };
  for (const from of new Set(attachments.map((a) => a.from))) {
    if (index.typeOf(from) !== LOAD_BALANCER) {
      return { answer: 'no', why: `the security group is also attached to ${from} (${index.typeOf(from)}), not only to load balancers` };
    }
    const decision = port80RedirectsToHttps(index, from);
    if (decision.answer !== 'yes') return decision;
  }
  return YES;
}

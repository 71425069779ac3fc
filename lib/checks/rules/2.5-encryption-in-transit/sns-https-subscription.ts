import { fail, resourceRule, unresolvable, type Verdict } from '../../types';
import { isIntrinsic } from '../../values';

function judgeProtocol(raw: unknown, property: string): Verdict | undefined {
  if (isIntrinsic(raw)) return unresolvable(property, 'the protocol is given by an intrinsic');
  return typeof raw === 'string' && raw.toLowerCase() === 'http' ? fail('the subscription delivers to an http endpoint, in clear text', property) : undefined;
}

export const SnsHttpsSubscription = resourceRule({
  id: 'DPP-2.5-SnsHttpsSubscription',
  clause: '2.5',
  level: 'error',
  resourceTypes: ['AWS::SNS::Subscription', 'AWS::SNS::Topic'],
  description: 'SNS subscriptions deliver to https endpoints, never http',
  fix: 'Use Protocol: https with an https:// endpoint',
  explanation: 'DPP 2.5 Encryption in Transit requires all Information to be encrypted in transit; an http subscription sends every message to its endpoint unencrypted.',
  check: (ctx) => {
    if (ctx.type === 'AWS::SNS::Subscription') return judgeProtocol(ctx.properties.Protocol, 'Protocol');
    const list = ctx.properties.Subscription;
    if (isIntrinsic(list)) return unresolvable('Subscription', 'the subscription list is given by an intrinsic');
    if (!Array.isArray(list)) return undefined;
    return list.map((s, i) => (isIntrinsic(s) ? unresolvable(`Subscription.${i}`, 'a subscription given by an intrinsic') : judgeProtocol((s as { Protocol?: unknown } | null)?.Protocol, `Subscription.${i}.Protocol`))).filter((v) => v !== undefined);
  },
});

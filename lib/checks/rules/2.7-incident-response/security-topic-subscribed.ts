import { environmentControlsNotChecked } from '../../lookups/environment-presence';
import { stacksByEnvironment, unknownEnvironmentVerdicts } from '../../lookups/stack-environments';
import type { TemplateIndex } from '../../template-index';
import type { AppVerdict, Verdict } from '../../types';
import { policyAppRule } from '../../policy-rule';
import { fail, unresolvable } from '../../types';
import { isIntrinsic } from '../../values';
import { PURPOSE_SECURITY_ALERTS, TAG_PURPOSE } from '../../vocabulary';

const TOPIC = 'AWS::SNS::Topic';
const SUBSCRIPTION = 'AWS::SNS::Subscription';

/** A topic of one stack. */
interface TopicRef {
  readonly index: TemplateIndex;
  readonly logicalId: string;
}

/** Whether a security topic has a subscriber: `yes`, `no`, or an unresolvable verdict. */
function subscribed(topic: TopicRef, environmentStacks: readonly TemplateIndex[]): 'yes' | 'no' | Verdict {
  const { index, logicalId } = topic;
  const inline = index.resource(logicalId)?.Properties?.Subscription;
  if (isIntrinsic(inline)) return unresolvable(`${logicalId}.Subscription`, 'subscriptions given by an intrinsic');
  if (Array.isArray(inline) && inline.some((s) => !isIntrinsic(s) || Object.keys(s)[0] !== 'Fn::If')) return 'yes';
  if (index.referrersOf(logicalId, SUBSCRIPTION, 'Properties.TopicArn').length > 0) return 'yes';
  if (Array.isArray(inline) && inline.length > 0) return unresolvable(`${logicalId}.Subscription`, 'every subscription is given by Fn::If');
  // A subscription elsewhere in the environment may name the topic through an import or a parameter.
  for (const stack of environmentStacks) {
    const [undecided] = stack.unresolvableProperty(SUBSCRIPTION, 'TopicArn');
    if (undecided) return unresolvable(`${undecided.logicalId}.TopicArn`, `${undecided.why}: it may subscribe to the security topic`);
  }
  return 'no';
}

/** The verdicts for one baseline environment (its stacks share a `dpp:environment` value). */
function environmentVerdicts(environment: string, stacks: readonly TemplateIndex[]): AppVerdict[] {
  const topics: TopicRef[] = [];
  let uncertainTopic: AppVerdict | undefined;
  for (const index of stacks) {
    for (const logicalId of index.ofType(TOPIC)) {
      const purpose = index.tag(logicalId, TAG_PURPOSE);
      if (purpose.kind === 'known' && purpose.value === PURPOSE_SECURITY_ALERTS) topics.push({ index, logicalId });
      else if (purpose.kind === 'unresolvable') uncertainTopic ??= { stack: index.stack, logicalId, verdict: unresolvable(`Tags.${TAG_PURPOSE}`, purpose.why) };
    }
  }
  if (topics.length === 0) {
    return [uncertainTopic ?? {
      stack: stacks[0].stack,
      verdict: fail(`environment "${environment}" has no SNS topic tagged ${TAG_PURPOSE}=${PURPOSE_SECURITY_ALERTS} to receive security alerts`),
    }];
  }
  let uncertain: AppVerdict | undefined;
  for (const topic of topics) {
    const result = subscribed(topic, stacks);
    if (result === 'yes') return [];
    if (result !== 'no') uncertain ??= { stack: topic.index.stack, logicalId: topic.logicalId, verdict: result };
  }
  const [first] = topics;
  return [uncertain ?? {
    stack: first.index.stack,
    logicalId: first.logicalId,
    verdict: fail(`the security topic of environment "${environment}" has no subscription, so alerts reach nobody`, 'Subscription'),
  }];
}

export const SecurityTopicSubscribed = policyAppRule((policy) => ({
  id: 'DPP-2.7-SecurityTopicSubscribed',
  clause: '2.7',
  level: 'error',
  description: `Each baseline environment has an SNS topic tagged ${TAG_PURPOSE}=${PURPOSE_SECURITY_ALERTS} with at least one subscription`,
  fix: `Tag the environment's security SNS topic ${TAG_PURPOSE}=${PURPOSE_SECURITY_ALERTS} and subscribe the on-call address to it (the baseline's SecurityAlarms construct does both)`,
  explanation: `DPP 2.7 Incident Response requires Security Incidents to be detected and escalated (EcartAPI must be told within ${policy.values.incidentNotificationHours} hours); findings and alarms need a topic that reaches a person.`,
  environmentControl: true,
  // The topic's literal name, which a subscription's literal TopicArn may give.
  reads: { [TOPIC]: ['TopicName', 'Subscription', 'Tags'], [SUBSCRIPTION]: ['TopicArn'] },
  check: (stacks) => [
    ...environmentControlsNotChecked(stacks),
    ...unknownEnvironmentVerdicts(stacks),
    ...[...stacksByEnvironment(stacks)].flatMap(([environment, envStacks]) => environmentVerdicts(environment, envStacks)),
  ],
}));

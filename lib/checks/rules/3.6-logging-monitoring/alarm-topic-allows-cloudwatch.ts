import { actionMatches, statementsOf } from '../../lookups/policy-document';
import { attachedPolicies, SNS_TOPIC_TARGET } from '../../lookups/secure-transport';
import { fail, resourceRule, unresolvable, type Verdict } from '../../types';

const CLOUDWATCH = 'cloudwatch.amazonaws.com';
const ALARM_TYPES = ['AWS::CloudWatch::Alarm', 'AWS::CloudWatch::CompositeAlarm'];
const ACTION_PROPERTIES = ['AlarmActions', 'OKActions', 'InsufficientDataActions'];

/**
 * A topic policy replaces SNS's default policy, and CloudWatch publishes alarm notifications as
 * the service principal `cloudwatch.amazonaws.com`: without an Allow of sns:Publish for it, every
 * notification is refused ("not authorized to perform: SNS:Publish") while the alarm looks fine.
 * Source: https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-use-cases.html
 */
export const AlarmTopicAllowsCloudWatch = resourceRule({
  id: 'DPP-3.6-AlarmTopicAllowsCloudWatch',
  clause: '3.6',
  level: 'error',
  resourceTypes: ['AWS::SNS::Topic'],
  description: 'SNS topics that CloudWatch alarms notify let cloudwatch.amazonaws.com publish when they have a topic policy',
  fix: 'Add a topic policy statement that Allows the service principal cloudwatch.amazonaws.com sns:Publish on the topic, scoped with aws:SourceAccount (and aws:SourceArn of the alarms)',
  explanation: 'DPP 3.6 Logging and Monitoring requires investigative alarms on suspicious actions; an alarm whose topic refuses CloudWatch notifies nobody.',
  check: (ctx): Verdict | undefined => {
    const notified = ALARM_TYPES.some((type) => ACTION_PROPERTIES.some((p) => ctx.index.referrersOf(ctx.logicalId, type, `Properties.${p}`).length > 0));
    if (!notified) return undefined;
    const policies = attachedPolicies(ctx, SNS_TOPIC_TARGET);
    // Without a topic policy SNS's default one applies, which lets the account's alarms publish.
    if (policies.length === 0) return undefined;
    let uncertain: Verdict | undefined;
    for (const { id, attachment } of policies) {
      const property = `${id}.${attachment.documentProperty}`;
      const { statements, unresolvable: documentUnresolvable } = statementsOf(ctx.index.resource(id)?.Properties?.[attachment.documentProperty]);
      if (documentUnresolvable) uncertain ??= unresolvable(property, 'the policy document or a statement is given by an intrinsic');
      for (const statement of statements) {
        if (statement.effect === 'Deny') continue;
        const publishes = statement.actions.some((a) => actionMatches(a, 'sns:Publish'));
        const toCloudWatch = statement.principals.some((p) => p === CLOUDWATCH || p === '*');
        if (statement.unresolvable && toCloudWatch) uncertain ??= unresolvable(`${property}.${statement.label}`, 'its Effect, Action or Condition is given by an intrinsic');
        else if (statement.effect === 'Allow' && publishes && toCloudWatch && !statement.notAction) return undefined;
      }
    }
    return uncertain ?? fail(`topic policy ${policies.map((p) => p.id).join(', ')} replaces SNS's default policy and does not allow ${CLOUDWATCH} to publish, so the alarms that notify this topic are refused`);
  },
});

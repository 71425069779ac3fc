import { requireNumberInRange } from '../../assert';
import { policyRule } from '../../policy-rule';

/** DPP 3.6 Logging and Monitoring: logs kept at least the profile's minimum (unset: never expire). */
export const LogGroupRetention = policyRule((policy) => {
  const min = policy.values.logRetentionDays;
  return {
    id: 'DPP-3.6-LogGroupRetention',
    clause: '3.6',
    level: 'error',
    resourceTypes: ['AWS::Logs::LogGroup'],
    description: `Log groups keep their logs at least ${min} days (unset: never expire)`,
    fix: `Set RetentionInDays to ${min} or more (the environment's logRetentionDays)`,
    explanation: `DPP 3.6 Logging and Monitoring requires logs retained for reference in a Security Incident: profile ${policy.name} requires at least ${min} days.`,
    check: (ctx) => requireNumberInRange(ctx, 'RetentionInDays', { min, absent: 'pass' }, (actual) =>
      `log group keeps logs ${actual === undefined ? 'for an unknown time' : `${actual} days`}, less than ${min}; profile ${policy.name} requires at least ${min}`),
  };
});

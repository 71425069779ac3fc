import { requireInEachEnvironment } from '../../lookups/environment-presence';
import { policyAppRule } from '../../policy-rule';

export const TrailPresent = policyAppRule((policy) => ({
  id: 'DPP-3.6-TrailPresent',
  clause: '3.6',
  level: 'error',
  description: 'Each baseline environment (each dpp:environment among the stacks) has a CloudTrail trail',
  fix: 'Add a multi-region, validated, KMS-encrypted CloudTrail trail to the environment (the baseline\'s AuditTrail); if an organization trail covers the account, acknowledge this finding saying so',
  explanation: `DPP 3.6 Logging and Monitoring requires logs of access attempts, data changes and system errors on every channel that reaches Information, kept tamper-proof for at least ${policy.values.logRetentionDays} days (profile ${policy.name}); without a trail the trail rules have nothing to check.`,
  environmentControl: true,
  // Presence and Condition only.
  reads: { 'AWS::CloudTrail::Trail': [] },
  check: (indexes) => requireInEachEnvironment(indexes, 'AWS::CloudTrail::Trail', 'CloudTrail trail'),
}));

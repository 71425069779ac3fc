import { whenClassified } from '../../lookups/classified-store';
import { policyRule } from '../../policy-rule';
import { fail } from '../../types';
import { piiStatus, TAG_CLASSIFICATION } from '../../vocabulary';

export const NoPiiLogGroup = policyRule((policy) => ({
  id: 'DPP-3.1-NoPiiLogGroup',
  clause: '3.1',
  level: 'error',
  resourceTypes: ['AWS::Logs::LogGroup'],
  description: 'No log group is classified pii (logs must not hold PII)',
  fix: 'Keep PII out of the logs (mask or drop it at the source) and classify the log group confidential or internal; if a law requires logging PII, acknowledge this finding naming that law',
  explanation: `DPP 3.1 Data Retention limits how long PII is kept and DPP 3.6 Logging and Monitoring forbids PII in logs unless a law requires it; logs are kept at least ${policy.values.logRetentionDays} days, past the ${policy.values.piiRetentionDays}-day PII limit.`,
  check: (ctx) => whenClassified(ctx, piiStatus(ctx.index, ctx.logicalId), () => fail('the log group is classified pii, but logs must not hold PII', `Tags.${TAG_CLASSIFICATION}`)),
}));

import { requireTrue } from '../../assert';
import { whenClassified } from '../../lookups/classified-store';
import { piiStatus } from '../../vocabulary';
import { policyRule } from '../../policy-rule';

export const PiiTableTtl = policyRule((policy) => ({
  id: 'DPP-3.1-PiiTableTtl',
  clause: '3.1',
  level: 'error',
  resourceTypes: ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'],
  description: 'PII DynamoDB tables expire items with Time to Live',
  fix: `Set TimeToLiveSpecification { Enabled: true, AttributeName: <expiry attribute> } and write each item's expiry (at most ${policy.values.piiRetentionDays} days after order delivery)`,
  explanation: `DPP 3.1 Data Retention allows PII to be kept no longer than ${policy.values.piiRetentionDays} days after order delivery (profile ${policy.name}) unless a law requires longer; TTL is how a table deletes items on time.`,
  check: (ctx) => whenClassified(ctx, piiStatus(ctx.index, ctx.logicalId), () =>
    requireTrue(ctx, 'TimeToLiveSpecification.Enabled', 'the PII table has no Time to Live (TimeToLiveSpecification.Enabled is not true), so items are kept for ever'),
  ),
}));

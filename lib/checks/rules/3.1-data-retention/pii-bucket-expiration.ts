import { expiresCurrentObjects, requireWholeBucketLifecycleRule } from '../../lookups/bucket-lifecycle';
import { whenClassified } from '../../lookups/classified-store';
import { policyRule } from '../../policy-rule';
import { piiStatus } from '../../vocabulary';

/**
 * DPP 3.1 Data Retention: PII is kept no longer than the profile's limit after order delivery. A
 * longer retention required by law is an acknowledgment of this rule whose reason names the law,
 * not a different number here.
 */
export const PiiBucketExpiration = policyRule((policy) => {
  const days = policy.values.piiRetentionDays;
  const requirement = expiresCurrentObjects(days);
  return {
    id: 'DPP-3.1-PiiBucketExpiration',
    clause: '3.1',
    level: 'error',
    resourceTypes: ['AWS::S3::Bucket'],
    description: `PII buckets expire current objects within ${days} days`,
    fix: `Add an Enabled lifecycle rule without a prefix, tag or size filter with ExpirationInDays <= ${days}; if a law requires longer, acknowledge this finding naming that law`,
    explanation: `DPP 3.1 Data Retention allows PII to be kept no longer than ${days} days after order delivery (profile ${policy.name}) unless a law requires longer; the whole data store must comply.`,
    check: (ctx) => whenClassified(ctx, piiStatus(ctx.index, ctx.logicalId), () => requireWholeBucketLifecycleRule(ctx, requirement)),
  };
});

import { requireTrue } from '../../assert';
import { expiresCurrentObjects, requireWholeBucketLifecycleRule } from '../../lookups/bucket-lifecycle';
import { whenClassified } from '../../lookups/classified-store';
import { policyRule } from '../../policy-rule';
import { nonPiiStatus } from '../../vocabulary';

/**
 * DPP 2.8 Request for Deletion or Return, as a profile may tighten it (dpp-2025: non-PII
 * Information deleted within 18 months unless a law requires longer). Buckets and tables are the
 * stores whose expiry a template can state; a longer retention required by law is an
 * acknowledgment of this rule whose reason names the law. Off in `dpp`.
 */
export const NonPiiStoreExpiration = policyRule((policy) => {
  const days = policy.values.nonPiiRetentionDays;
  const requirement = expiresCurrentObjects(days);
  return {
    id: 'DPP-2.8-NonPiiStoreExpiration',
    clause: '2.8',
    level: policy.values.nonPiiRetentionLevel,
    resourceTypes: ['AWS::S3::Bucket', 'AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'],
    description: `Non-PII buckets expire current objects within ${days} days and non-PII tables expire items with Time to Live`,
    fix: `Add an Enabled lifecycle rule without a prefix, tag or size filter with ExpirationInDays <= ${days} (tables: enable TimeToLiveSpecification and write each item's expiry); if a law requires longer, acknowledge this finding naming that law`,
    explanation: `DPP 2.8 Request for Deletion or Return: profile ${policy.name} requires non-PII Information deleted within ${days} days unless a law requires longer.`,
    check: (ctx) => whenClassified(ctx, nonPiiStatus(ctx.index, ctx.logicalId), () => ctx.type === 'AWS::S3::Bucket'
      ? requireWholeBucketLifecycleRule(ctx, requirement)
      : requireTrue(ctx, 'TimeToLiveSpecification.Enabled', `the table has no Time to Live (TimeToLiveSpecification.Enabled is not true); profile ${policy.name} requires non-PII items deleted within ${days} days`)),
  };
});

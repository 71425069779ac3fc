import { assessDays, requireWholeBucketLifecycleRule, type LifecycleRequirement } from '../../lookups/bucket-lifecycle';
import { whenClassified } from '../../lookups/classified-store';
import { piiStatus } from '../../vocabulary';
import { resourceRule } from '../../types';

/**
 * DPP 3.1: PII is kept no longer than 30 days after order delivery. A longer retention required by
 * law is an acknowledgment of this rule whose reason names the law, not a different number here.
 */
export const PII_RETENTION_DAYS = 30;

const EXPIRES_CURRENT_OBJECTS: LifecycleRequirement = {
  what: `expires current objects within ${PII_RETENTION_DAYS} days`,
  assess: (ctx, path) => {
    const property = `${path}.ExpirationInDays`;
    const days = assessDays(ctx.prop(property), property, PII_RETENTION_DAYS, (n) => `expires current objects after ${n} days`);
    if (days) return days;
    // A fixed date is not a retention period: objects written after it are never expired by it.
    return ctx.prop(`${path}.ExpirationDate`).kind === 'absent' ? undefined : { outcome: 'misses', reason: 'expires on a fixed ExpirationDate, not after a retention period' };
  },
};

export const PiiBucketExpiration = resourceRule({
  id: 'DPP-3.1-PiiBucketExpiration',
  clause: '3.1',
  level: 'error',
  resourceTypes: ['AWS::S3::Bucket'],
  description: `PII buckets expire current objects within ${PII_RETENTION_DAYS} days`,
  fix: `Add an Enabled lifecycle rule without a prefix, tag or size filter with ExpirationInDays <= ${PII_RETENTION_DAYS}; if a law requires longer, acknowledge this finding naming that law`,
  explanation: 'DPP 3.1 Data Retention allows PII to be kept no longer than 30 days after order delivery unless a law requires longer; the whole data store must comply.',
  check: (ctx) => whenClassified(ctx, piiStatus(ctx.index, ctx.logicalId), () => requireWholeBucketLifecycleRule(ctx, EXPIRES_CURRENT_OBJECTS)),
});

import { assessDays, requireWholeBucketLifecycleRule, type LifecycleRequirement } from '../../lookups/bucket-lifecycle';
import { whenClassified } from '../../lookups/classified-store';
import { policyRule } from '../../policy-rule';
import { piiStatus } from '../../vocabulary';
import { unresolvable } from '../../types';
import { asNumber } from '../../values';

/**
 * DPP 2.8: every live instance of Information is gone within the profile's days of a deletion
 * notice. `NewerNoncurrentVersions` keeps that many versions past the limit for ever, so a rule
 * that sets it does not meet the clause.
 */
function expiresNoncurrentVersions(maxDays: number): LifecycleRequirement {
  return {
    what: `expires non-current versions within ${maxDays} days`,
    assess: (ctx, path) => {
      const current = `${path}.NoncurrentVersionExpiration.NoncurrentDays`;
      const legacy = `${path}.NoncurrentVersionExpirationInDays`;
      const block = ctx.prop(`${path}.NoncurrentVersionExpiration`);
      const [property, value] = block.kind !== 'absent' ? [current, ctx.prop(current)] : [legacy, ctx.prop(legacy)];
      const days = assessDays(value, property, maxDays, (n) => `expires non-current versions after ${n} days`);
      if (days?.outcome !== 'meets') return days;
      const keptProperty = `${path}.NoncurrentVersionExpiration.NewerNoncurrentVersions`;
      const kept = ctx.prop(keptProperty);
      if (kept.kind === 'unresolvable') return { outcome: 'unresolvable', property: keptProperty, why: kept.why };
      const count = kept.kind === 'known' ? asNumber(kept.value) ?? 0 : 0;
      return count > 0 ? { outcome: 'misses', reason: `keeps the ${count} newest non-current versions beyond ${maxDays} days (NewerNoncurrentVersions)` } : days;
    },
  };
}

export const PiiBucketNoncurrentExpiration = policyRule((policy) => {
  const maxDays = policy.values.liveCopiesDeletionDays;
  const requirement = expiresNoncurrentVersions(maxDays);
  return {
    id: 'DPP-2.8-PiiBucketNoncurrentExpiration',
    clause: '2.8',
    level: 'error',
    resourceTypes: ['AWS::S3::Bucket'],
    description: `Versioned PII buckets expire non-current object versions within ${maxDays} days`,
    fix: `Add an Enabled lifecycle rule without a prefix, tag or size filter with NoncurrentVersionExpiration.NoncurrentDays <= ${maxDays} (and no NewerNoncurrentVersions)`,
    explanation: `DPP 2.8 Request for Deletion or Return requires every live instance of Information to be deleted within ${maxDays} days of a deletion notice (profile ${policy.name}); a deleted object survives as a non-current version until a lifecycle rule expires it.`,
    check: (ctx) => whenClassified(ctx, piiStatus(ctx.index, ctx.logicalId), () => {
      const status = ctx.prop('VersioningConfiguration.Status');
      if (status.kind === 'unresolvable') return unresolvable('VersioningConfiguration.Status', status.why);
      // A suspended bucket still holds the versions made while versioning was on.
      if (status.kind !== 'known' || (status.value !== 'Enabled' && status.value !== 'Suspended')) return undefined;
      return requireWholeBucketLifecycleRule(ctx, requirement);
    }),
  };
});

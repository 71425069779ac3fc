import type { TemplateIndex } from '../../template-index';
import { fail, resourceRule, unresolvable } from '../../types';

const DELIVERY_SOURCE = 'AWS::Logs::DeliverySource';
const DELIVERY = 'AWS::Logs::Delivery';

/**
 * CloudFront standard logging v2: a delivery source for the distribution (its ResourceArn names
 * it) with a delivery that sends it somewhere. The delivery names its source by `Ref` or by the
 * source's literal Name.
 */
function hasLoggingV2(index: TemplateIndex, distributionId: string): boolean {
  const sources = index.referrersOf(distributionId, DELIVERY_SOURCE, 'Properties.ResourceArn').map((r) => r.from);
  if (sources.length === 0) return false;
  const names = new Set<unknown>(sources.map((id) => index.resource(id)?.Properties?.Name).filter((n) => typeof n === 'string'));
  return sources.some((id) => index.referrersOf(id, DELIVERY).length > 0)
    || index.ofType(DELIVERY).some((id) => names.has(index.resource(id)?.Properties?.DeliverySourceName));
}

export const CloudFrontAccessLogs = resourceRule({
  id: 'DPP-3.6-CloudFrontAccessLogs',
  clause: '3.6',
  level: 'error',
  resourceTypes: ['AWS::CloudFront::Distribution'],
  description: 'CloudFront distributions log access (standard logging, legacy or v2)',
  fix: 'Set DistributionConfig.Logging.Bucket (CDK: enableLogging / logBucket), or deliver ACCESS_LOGS with an AWS::Logs::DeliverySource and Delivery',
  explanation: 'DPP 3.6 Logging and Monitoring requires logging access attempts on every channel that reaches Information.',
  check: (ctx) => {
    const bucket = ctx.prop('DistributionConfig.Logging.Bucket');
    if (bucket.kind === 'known' || bucket.kind === 'reference') return undefined;
    if (hasLoggingV2(ctx.index, ctx.logicalId)) return undefined;
    if (bucket.kind === 'unresolvable') return unresolvable('DistributionConfig.Logging.Bucket', bucket.why);
    return fail('distribution does not log access (no DistributionConfig.Logging and no log delivery)', 'DistributionConfig.Logging');
  },
});

import { requireOneOf } from '../../assert';
import type { Verdict } from '../../types';
import { resourceRule, unresolvable } from '../../types';

const HTTPS_POLICIES = ['redirect-to-https', 'https-only'];
const BEHAVIOURS = 'DistributionConfig.CacheBehaviors';

const problem = (path: string) => (actual: unknown) => `${path} is ${actual === undefined ? 'not set' : String(actual)}, which allows plain HTTP`;

export const CloudFrontViewerHttps = resourceRule({
  id: 'DPP-2.5-CloudFrontViewerHttps',
  clause: '2.5',
  level: 'error',
  resourceTypes: ['AWS::CloudFront::Distribution'],
  description: 'CloudFront serves viewers over HTTPS only (redirect-to-https or https-only on every cache behaviour)',
  fix: 'Set ViewerProtocolPolicy to redirect-to-https or https-only on the default cache behaviour and every cache behaviour',
  explanation: 'DPP 2.5 Encryption in Transit requires all Information to be encrypted in transit on every external endpoint; allow-all lets viewers fetch it over plain HTTP.',
  check: (ctx) => {
    const paths = ['DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy'];
    const behaviours = ctx.prop(BEHAVIOURS);
    if (behaviours.kind === 'unresolvable') return unresolvable(BEHAVIOURS, behaviours.why);
    if (behaviours.kind === 'known' && Array.isArray(behaviours.value)) {
      behaviours.value.forEach((_, i) => paths.push(`${BEHAVIOURS}.${i}.ViewerProtocolPolicy`));
    }
    return paths.map((path) => requireOneOf(ctx, path, HTTPS_POLICIES, problem(path))).filter((v): v is Verdict => v !== undefined);
  },
});

import { MINIMUM_TLS } from '../../lookups/tls';
import { fail, resourceRule, unresolvable, type Verdict } from '../../types';
import { asArray, isIntrinsic } from '../../values';

const ORIGINS = 'DistributionConfig.Origins';
/** OriginSSLProtocols names (CloudFront API Reference, OriginSslProtocols) with the TLS version each is. */
const ORIGIN_PROTOCOL_VERSION: Readonly<Record<string, number>> = { SSLv3: 0.3, TLSv1: 1.0, 'TLSv1.1': 1.1, 'TLSv1.2': 1.2 };

function judgeOrigin(origin: unknown, at: string): Verdict[] {
  if (isIntrinsic(origin)) return [unresolvable(at, 'an origin given by an intrinsic')];
  const custom = (origin as { CustomOriginConfig?: unknown } | null)?.CustomOriginConfig;
  if (custom === undefined || custom === null) return [];
  if (isIntrinsic(custom)) return [unresolvable(`${at}.CustomOriginConfig`, 'given by an intrinsic')];
  const { OriginProtocolPolicy: policy, OriginSSLProtocols: protocols } = custom as { OriginProtocolPolicy?: unknown; OriginSSLProtocols?: unknown };
  const verdicts: Verdict[] = [];
  const policyPath = `${at}.CustomOriginConfig.OriginProtocolPolicy`;
  if (isIntrinsic(policy)) verdicts.push(unresolvable(policyPath, 'given by an intrinsic'));
  else if (policy !== 'https-only') verdicts.push(fail(`the custom origin's OriginProtocolPolicy is ${policy === undefined ? 'not set' : String(policy)}, so CloudFront may fetch from it over plain HTTP`, policyPath));
  const protocolsPath = `${at}.CustomOriginConfig.OriginSSLProtocols`;
  if (isIntrinsic(protocols)) verdicts.push(unresolvable(protocolsPath, 'given by an intrinsic'));
  else {
    const weak = asArray(protocols).filter((p) => typeof p === 'string' && (ORIGIN_PROTOCOL_VERSION[p] ?? MINIMUM_TLS) < MINIMUM_TLS);
    if (weak.length > 0) verdicts.push(fail(`the custom origin accepts ${weak.join(', ')}, older than TLS ${MINIMUM_TLS.toFixed(1)}`, protocolsPath));
  }
  return verdicts;
}

// CustomOriginConfig.OriginProtocolPolicy: http-only | match-viewer | https-only (CloudFront API
// Reference, CustomOriginConfig: https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CustomOriginConfig.html).
export const CloudFrontOriginHttps = resourceRule({
  id: 'DPP-2.5-CloudFrontOriginHttps',
  clause: '2.5',
  level: 'error',
  resourceTypes: ['AWS::CloudFront::Distribution'],
  description: 'CloudFront reaches custom origins over HTTPS only (OriginProtocolPolicy https-only, TLS 1.2 or newer)',
  fix: 'Set CustomOriginConfig.OriginProtocolPolicy: https-only and OriginSSLProtocols: [TLSv1.2] on every custom origin',
  explanation: 'DPP 2.5 Encryption in Transit requires all Information to be encrypted in transit on every hop; http-only or match-viewer lets CloudFront fetch it from the origin in clear text.',
  check: (ctx) => {
    const origins = ctx.prop(ORIGINS);
    if (origins.kind === 'unresolvable') return unresolvable(ORIGINS, origins.why);
    if (origins.kind !== 'known' || !Array.isArray(origins.value)) return undefined;
    return origins.value.flatMap((origin, i) => judgeOrigin(origin, `${ORIGINS}.${i}`));
  },
});

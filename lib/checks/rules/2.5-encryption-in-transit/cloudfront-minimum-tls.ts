import { cloudFrontProtocolIsCurrent } from '../../lookups/tls';
import { fail, resourceRule, unresolvable } from '../../types';
import { asBoolean } from '../../values';

const CERTIFICATE = 'DistributionConfig.ViewerCertificate';
const MINIMUM = `${CERTIFICATE}.MinimumProtocolVersion`;

export const CloudFrontMinimumTls = resourceRule({
  id: 'DPP-2.5-CloudFrontMinimumTls',
  clause: '2.5',
  level: 'error',
  resourceTypes: ['AWS::CloudFront::Distribution'],
  description: 'CloudFront viewer connections require TLSv1.2_2021 or newer',
  fix: 'Serve the distribution on a custom domain with an ACM certificate and set ViewerCertificate.MinimumProtocolVersion to TLSv1.2_2021 (or newer)',
  explanation: 'DPP 2.5 Encryption in Transit requires TLS 1.2 or newer; the default *.cloudfront.net certificate always accepts TLS 1.0, so only a custom certificate can enforce it.',
  check: (ctx) => {
    const certificate = ctx.prop(CERTIFICATE);
    if (certificate.kind === 'unresolvable') return unresolvable(CERTIFICATE, certificate.why);
    const defaultCertificate = ctx.prop(`${CERTIFICATE}.CloudFrontDefaultCertificate`);
    if (defaultCertificate.kind === 'unresolvable') return unresolvable(`${CERTIFICATE}.CloudFrontDefaultCertificate`, defaultCertificate.why);
    const usesDefault = certificate.kind === 'absent' || (defaultCertificate.kind === 'known' && asBoolean(defaultCertificate.value) === true);
    if (usesDefault) return fail('the distribution uses the default CloudFront certificate, which accepts TLS 1.0 whatever MinimumProtocolVersion says', CERTIFICATE);
    const minimum = ctx.prop(MINIMUM);
    if (minimum.kind === 'unresolvable') return unresolvable(MINIMUM, minimum.why);
    if (minimum.kind === 'absent') return fail('MinimumProtocolVersion is not set, so CloudFront accepts TLS 1.0 (TLSv1)', MINIMUM);
    if (minimum.kind === 'reference') return unresolvable(MINIMUM, 'a reference to another resource');
    const version = String(minimum.value);
    const current = cloudFrontProtocolIsCurrent(version);
    if (current === undefined) return fail(`MinimumProtocolVersion ${version} is not a known CloudFront security policy`, MINIMUM);
    return current ? undefined : fail(`MinimumProtocolVersion ${version} is older than TLSv1.2_2021`, MINIMUM);
  },
});

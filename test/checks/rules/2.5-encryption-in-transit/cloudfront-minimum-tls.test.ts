import { CloudFrontMinimumTls } from '../../../../lib/checks/rules/2.5-encryption-in-transit/cloudfront-minimum-tls';
import { findingsOf, parameters, type Resources } from '../../../helpers/check';

function distribution(certificate?: unknown): Resources {
  return { Cdn: { Type: 'AWS::CloudFront::Distribution', Properties: { DistributionConfig: { Enabled: true, ViewerCertificate: certificate } } } };
}

const acm = (minimum?: unknown) => ({ AcmCertificateArn: 'arn:aws:acm:us-east-1:111111111111:certificate/x', SslSupportMethod: 'sni-only', MinimumProtocolVersion: minimum });

describe('DPP-2.5-CloudFrontMinimumTls', () => {
  test.each(['TLSv1.2_2021', 'TLSv1.2_2025', 'TLSv1.3_2025'])('passes a custom certificate with %s', (version) => {
    expect(findingsOf(CloudFrontMinimumTls, distribution(acm(version)))).toEqual([]);
  });

  test('fails a distribution on the default CloudFront certificate (always TLSv1)', () => {
    const [finding, ...rest] = findingsOf(CloudFrontMinimumTls, distribution({ CloudFrontDefaultCertificate: true, MinimumProtocolVersion: 'TLSv1.2_2021' }));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-2.5-CloudFrontMinimumTls', clause: '2.5', level: 'error', logicalId: 'Cdn' });
    expect(finding.message).toMatch(/default CloudFront certificate, which accepts TLS 1.0/);
  });

  test('fails a distribution with no ViewerCertificate (the default certificate)', () => {
    expect(findingsOf(CloudFrontMinimumTls, distribution())).toEqual([expect.objectContaining({ level: 'error', property: 'DistributionConfig.ViewerCertificate' })]);
  });

  test.each(['TLSv1', 'TLSv1_2016', 'TLSv1.1_2016', 'TLSv1.2_2018', 'TLSv1.2_2019'])('fails MinimumProtocolVersion %s', (version) => {
    expect(findingsOf(CloudFrontMinimumTls, distribution(acm(version)))).toEqual([
      expect.objectContaining({ level: 'error', message: expect.stringContaining(`MinimumProtocolVersion ${version} is older than TLSv1.2_2021`) }),
    ]);
  });

  test('fails a custom certificate without MinimumProtocolVersion', () => {
    expect(findingsOf(CloudFrontMinimumTls, distribution(acm()))).toEqual([expect.objectContaining({ level: 'error', property: 'DistributionConfig.ViewerCertificate.MinimumProtocolVersion' })]);
  });

  test.each([
    ['a parameter', { Ref: 'Tls' }],
    ['Fn::If', { 'Fn::If': ['IsProd', 'TLSv1.2_2021', 'TLSv1'] }],
  ])('warns when MinimumProtocolVersion is %s', (_, value) => {
    expect(findingsOf(CloudFrontMinimumTls, distribution(acm(value)), parameters('Tls'))).toEqual([
      expect.objectContaining({ level: 'warning', message: expect.stringMatching(/^cannot be verified at synth time: DistributionConfig.ViewerCertificate.MinimumProtocolVersion/) }),
    ]);
  });
});

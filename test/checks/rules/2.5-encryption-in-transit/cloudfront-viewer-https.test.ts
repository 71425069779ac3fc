import { CloudFrontViewerHttps } from '../../../../lib/checks/rules/2.5-encryption-in-transit/cloudfront-viewer-https';
import { findingsOf, parameters, type Resources } from '../../../helpers/check';

function distribution(defaultPolicy: unknown, behaviours?: unknown): Resources {
  return {
    Cdn: {
      Type: 'AWS::CloudFront::Distribution',
      Properties: { DistributionConfig: { Enabled: true, DefaultCacheBehavior: { TargetOriginId: 'o', ViewerProtocolPolicy: defaultPolicy }, CacheBehaviors: behaviours } },
    },
  };
}

describe('DPP-2.5-CloudFrontViewerHttps', () => {
  test('passes redirect-to-https by default and https-only on a cache behaviour', () => {
    expect(findingsOf(CloudFrontViewerHttps, distribution('redirect-to-https', [{ PathPattern: '/api/*', ViewerProtocolPolicy: 'https-only' }]))).toEqual([]);
  });

  test('fails allow-all on the default cache behaviour', () => {
    const [finding, ...rest] = findingsOf(CloudFrontViewerHttps, distribution('allow-all'));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-2.5-CloudFrontViewerHttps', clause: '2.5', level: 'error', logicalId: 'Cdn', property: 'DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy' });
    expect(finding.message).toMatch(/is allow-all, which allows plain HTTP/);
  });

  test('fails allow-all on one cache behaviour, naming it', () => {
    const findings = findingsOf(CloudFrontViewerHttps, distribution('https-only', [{ ViewerProtocolPolicy: 'https-only' }, { ViewerProtocolPolicy: 'allow-all' }]));
    expect(findings).toEqual([expect.objectContaining({ level: 'error', property: 'DistributionConfig.CacheBehaviors.1.ViewerProtocolPolicy' })]);
  });

  test.each([
    ['a parameter', { Ref: 'Viewer' }],
    ['Fn::If', { 'Fn::If': ['IsProd', 'https-only', 'allow-all'] }],
  ])('warns when the viewer protocol policy is %s', (_, value) => {
    expect(findingsOf(CloudFrontViewerHttps, distribution(value), parameters('Viewer'))).toEqual([
      expect.objectContaining({ level: 'warning', message: expect.stringMatching(/^cannot be verified at synth time: DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy/) }),
    ]);
  });

  test('warns when the cache behaviours are given by Fn::If', () => {
    const findings = findingsOf(CloudFrontViewerHttps, distribution('https-only', { 'Fn::If': ['IsProd', [], []] }));
    expect(findings).toEqual([expect.objectContaining({ level: 'warning', property: 'DistributionConfig.CacheBehaviors' })]);
  });
});

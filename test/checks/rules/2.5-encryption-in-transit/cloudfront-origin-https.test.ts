import { CloudFrontOriginHttps } from '../../../../lib/checks/rules/2.5-encryption-in-transit/cloudfront-origin-https';
import { findingsOf, parameters } from '../../../helpers/check';

const distribution = (origins: unknown[]) => findingsOf(CloudFrontOriginHttps, { Cdn: { Type: 'AWS::CloudFront::Distribution', Properties: { DistributionConfig: { Enabled: true, Origins: origins } } } }, parameters('Policy'));
const custom = (config: Record<string, unknown>) => ({ Id: 'o', DomainName: 'api.example.com', CustomOriginConfig: config });

describe('DPP-2.5-CloudFrontOriginHttps', () => {
  test('passes https-only custom origins (TLS 1.2) and S3 origins', () => {
    expect(distribution([custom({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] }), { Id: 's3', DomainName: 'b.s3.amazonaws.com', S3OriginConfig: {} }])).toEqual([]);
  });
  test.each([
    ['http-only', custom({ OriginProtocolPolicy: 'http-only' }), /http-only/],
    ['match-viewer', custom({ OriginProtocolPolicy: 'match-viewer' }), /match-viewer/],
    ['https-only offering TLSv1', custom({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1', 'TLSv1.2'] }), /accepts TLSv1, older than TLS 1\.2/],
  ])('fails %s', (_, origin, message) => expect(distribution([origin])).toEqual([expect.objectContaining({ level: 'error', message: expect.stringMatching(message) })]));
  test('warns when the protocol policy is a parameter', () => expect(distribution([custom({ OriginProtocolPolicy: { Ref: 'Policy' } })])).toEqual([expect.objectContaining({ level: 'warning' })]));
});

import { OpenSearchEnforceHttps } from '../../../../lib/checks/rules/2.5-encryption-in-transit/opensearch-enforce-https';
import { findingsOf, parameters, type Resources } from '../../../helpers/check';

const domain = (options?: Record<string, unknown>, type = 'AWS::OpenSearchService::Domain'): Resources => ({ Search: { Type: type, Properties: { DomainEndpointOptions: options } } });

describe('DPP-2.5-OpenSearchEnforceHttps', () => {
  test.each(['Policy-Min-TLS-1-2-2019-07', 'Policy-Min-TLS-1-2-PFS-2023-10'])('passes EnforceHTTPS with %s', (policy) => {
    expect(findingsOf(OpenSearchEnforceHttps, domain({ EnforceHTTPS: true, TLSSecurityPolicy: policy }))).toEqual([]);
    expect(findingsOf(OpenSearchEnforceHttps, domain({ EnforceHTTPS: true, TLSSecurityPolicy: policy }, 'AWS::Elasticsearch::Domain'))).toEqual([]);
  });

  test('fails a domain without endpoint options: HTTPS not enforced, TLS 1.0 accepted', () => {
    const findings = findingsOf(OpenSearchEnforceHttps, domain());
    expect(findings).toHaveLength(2);
    expect(findings[0]).toMatchObject({ ruleId: 'DPP-2.5-OpenSearchEnforceHttps', clause: '2.5', level: 'error', logicalId: 'Search', property: 'DomainEndpointOptions.EnforceHTTPS' });
    expect(findings[0].message).toMatch(/HTTPS is not enforced/);
    expect(findings[1]).toMatchObject({ property: 'DomainEndpointOptions.TLSSecurityPolicy', message: expect.stringMatching(/TLSSecurityPolicy is not set.*TLS 1.0/) });
  });

  test('fails the TLS 1.0 policy', () => {
    expect(findingsOf(OpenSearchEnforceHttps, domain({ EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-0-2019-07' }))).toEqual([
      expect.objectContaining({ level: 'error', message: expect.stringContaining('Policy-Min-TLS-1-0-2019-07 accepts TLS 1.0') }),
    ]);
  });

  test.each([
    ['a parameter', { Ref: 'Https' }],
    ['Fn::If', { 'Fn::If': ['IsProd', true, false] }],
  ])('warns when EnforceHTTPS is %s', (_, value) => {
    expect(findingsOf(OpenSearchEnforceHttps, domain({ EnforceHTTPS: value, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07' }), parameters('Https'))).toEqual([
      expect.objectContaining({ level: 'warning', message: expect.stringMatching(/^cannot be verified at synth time: DomainEndpointOptions.EnforceHTTPS/) }),
    ]);
  });
});

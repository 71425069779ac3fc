import { ApiGatewayDomainTls } from '../../../../lib/checks/rules/2.5-encryption-in-transit/api-gateway-domain-tls';
import { findingsOf, parameters, type Resources } from '../../../helpers/check';

const v1 = (policy?: unknown): Resources => ({ Domain: { Type: 'AWS::ApiGateway::DomainName', Properties: { DomainName: 'api.example.com', SecurityPolicy: policy } } });
const v2 = (...policies: unknown[]): Resources => ({
  Domain: { Type: 'AWS::ApiGatewayV2::DomainName', Properties: { DomainName: 'api.example.com', DomainNameConfigurations: policies.map((p) => ({ CertificateArn: 'arn:cert', SecurityPolicy: p })) } },
});

describe('DPP-2.5-ApiGatewayDomainTls', () => {
  test.each(['TLS_1_2', 'SecurityPolicy_TLS13_1_3_2025_09', 'SecurityPolicy_TLS13_1_2_PQ_2025_09', 'SecurityPolicy_TLS12_PFS_2025_EDGE', 'SecurityPolicy_TLS13_2025_EDGE'])('passes a REST domain with %s', (policy) => {
    expect(findingsOf(ApiGatewayDomainTls, v1(policy))).toEqual([]);
  });

  test('passes an ApiGatewayV2 domain whose every configuration is TLS_1_2', () => {
    expect(findingsOf(ApiGatewayDomainTls, v2('TLS_1_2', 'TLS_1_2'))).toEqual([]);
  });

  test('fails a REST domain on TLS_1_0', () => {
    const [finding, ...rest] = findingsOf(ApiGatewayDomainTls, v1('TLS_1_0'));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-2.5-ApiGatewayDomainTls', clause: '2.5', level: 'error', logicalId: 'Domain', property: 'SecurityPolicy' });
    expect(finding.message).toMatch(/SecurityPolicy TLS_1_0 accepts TLS 1.0/);
  });

  test('fails a domain with no SecurityPolicy (the service default is not guaranteed to be TLS 1.2)', () => {
    expect(findingsOf(ApiGatewayDomainTls, v1())).toEqual([expect.objectContaining({ level: 'error', message: expect.stringMatching(/SecurityPolicy is not set/) })]);
  });

  test('fails the one ApiGatewayV2 configuration on TLS_1_0', () => {
    expect(findingsOf(ApiGatewayDomainTls, v2('TLS_1_2', 'TLS_1_0'))).toEqual([expect.objectContaining({ level: 'error', property: 'DomainNameConfigurations.1.SecurityPolicy' })]);
  });

  test.each([
    ['a parameter', { Ref: 'Policy' }],
    ['Fn::If', { 'Fn::If': ['IsProd', 'TLS_1_2', 'TLS_1_0'] }],
  ])('warns when the security policy is %s', (_, value) => {
    expect(findingsOf(ApiGatewayDomainTls, v1(value), parameters('Policy'))).toEqual([expect.objectContaining({ level: 'warning', message: expect.stringMatching(/^cannot be verified at synth time: SecurityPolicy/) })]);
    expect(findingsOf(ApiGatewayDomainTls, v2(value), parameters('Policy'))).toEqual([expect.objectContaining({ level: 'warning', property: 'DomainNameConfigurations.0.SecurityPolicy' })]);
  });
});

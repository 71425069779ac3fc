import { OpenSearchRestrictedAccess } from '../../../../lib/checks/rules/2.1-network-protection/opensearch-restricted-access';
import { findingsOf, parameters } from '../../../helpers/check';

const domain = (props: Record<string, unknown>, type = 'AWS::OpenSearchService::Domain') => findingsOf(OpenSearchRestrictedAccess, { Domain: { Type: type, Properties: props } }, parameters('Subnets', 'Cidr'));
const policy = (statement: Record<string, unknown>) => ({ AccessPolicies: { Statement: [{ Effect: 'Allow', Action: 'es:ESHttp*', Resource: '*', ...statement }] } });

describe('DPP-2.1-OpenSearchRestrictedAccess', () => {
  test.each([
    ['in a VPC', { VPCOptions: { SubnetIds: ['subnet-1'] } }],
    ['public, restricted by source IP', policy({ Principal: '*', Condition: { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } } })],
    ['public, restricted by principal', policy({ Principal: { AWS: 'arn:aws:iam::111111111111:role/app' } })],
  ])('passes a domain %s', (_, props) => {
    expect(domain(props)).toEqual([]);
    expect(domain(props, 'AWS::Elasticsearch::Domain')).toEqual([]);
  });

  test.each([
    ['with no access policy', {}, /no access policy/],
    ['allowing everyone', policy({ Principal: '*' }), /allows every principal/],
    ['allowing everyone under an open CIDR', policy({ Principal: { AWS: '*' }, Condition: { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } } }), /allows every principal/],
  ])('fails a public domain %s', (_, props, message) => expect(domain(props)).toEqual([expect.objectContaining({ level: 'error', message: expect.stringMatching(message) })]));

  test('warns when the subnets or the Condition are intrinsics (a source-IP parameter restricts, as DPP-2.3-NoPublicPrincipal reads it)', () => {
    expect(domain({ VPCOptions: { SubnetIds: { Ref: 'Subnets' } } })).toEqual([expect.objectContaining({ level: 'warning' })]);
    expect(domain(policy({ Principal: '*', Condition: { IpAddress: { 'aws:SourceIp': { Ref: 'Cidr' } } } }))).toEqual([]);
    expect(domain(policy({ Principal: '*', Condition: { 'Fn::If': ['Prod', { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, {}] } }))).toEqual([expect.objectContaining({ level: 'warning' })]);
  });
});

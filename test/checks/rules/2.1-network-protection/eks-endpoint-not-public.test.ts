import { EksEndpointNotPublic } from '../../../../lib/checks/rules/2.1-network-protection/eks-endpoint-not-public';
import { findingsOf, parameters } from '../../../helpers/check';

const cluster = (config: Record<string, unknown>) => findingsOf(EksEndpointNotPublic, { Cluster: { Type: 'AWS::EKS::Cluster', Properties: { RoleArn: 'arn:aws:iam::111111111111:role/eks', ResourcesVpcConfig: { SubnetIds: ['subnet-1'], ...config } } } }, parameters('Cidrs', 'Public'));

describe('DPP-2.1-EksEndpointNotPublic', () => {
  test.each([
    ['a private endpoint', { EndpointPublicAccess: false, EndpointPrivateAccess: true }],
    ['a public endpoint limited to approved CIDRs', { PublicAccessCidrs: ['203.0.113.0/24'] }],
  ])('passes %s', (_, config) => expect(cluster(config)).toEqual([]));

  test.each([
    ['public by default (nothing set)', {}, /PublicAccessCidrs is not set/],
    ['public to 0.0.0.0/0', { EndpointPublicAccess: true, PublicAccessCidrs: ['0.0.0.0/0'] }, /public to 0\.0\.0\.0\/0/],
    ['public to ::/0 among others', { PublicAccessCidrs: ['203.0.113.0/24', '::/0'] }, /public to ::\/0/],
  ])('fails %s', (_, config, message) => expect(cluster(config)).toEqual([expect.objectContaining({ level: 'error', message: expect.stringMatching(message) })]));

  test.each([
    ['EndpointPublicAccess is a parameter', { EndpointPublicAccess: { Ref: 'Public' } }],
    ['PublicAccessCidrs is a parameter', { PublicAccessCidrs: { Ref: 'Cidrs' } }],
    ['PublicAccessCidrs is an Fn::If', { PublicAccessCidrs: { 'Fn::If': ['Prod', ['203.0.113.0/24'], ['0.0.0.0/0']] } }],
  ])('warns when %s', (_, config) => expect(cluster(config)).toEqual([expect.objectContaining({ level: 'warning', message: expect.stringMatching(/^cannot be verified at synth time/) })]));
});

import { PublicEntryPointWebAcl } from '../../../../lib/checks/rules/2.1-network-protection/public-entry-point-web-acl';
import { findingsOf, parameters } from '../../../helpers/check';
import { expectOneFailure, expectOneUnresolvable } from '../../../helpers/rule-expectations';

const ALB = { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Type: 'application', Scheme: 'internet-facing' } };
const association = (arn: unknown) => ({ Type: 'AWS::WAFv2::WebACLAssociation', Properties: { ResourceArn: arn, WebACLArn: { 'Fn::GetAtt': ['Acl', 'Arn'] } } });
const ACL = { Type: 'AWS::WAFv2::WebACL', Properties: {} };
const stageArn = { 'Fn::Join': ['', ['arn:aws:apigateway:eu-west-1::/restapis/', { Ref: 'Api' }, '/stages/', { Ref: 'Stage' }]] };
const api = (types: string[]) => ({ Type: 'AWS::ApiGateway::RestApi', Properties: { EndpointConfiguration: { Types: types } } });
const stage = { Type: 'AWS::ApiGateway::Stage', Properties: { RestApiId: { Ref: 'Api' }, StageName: 'prod' } };

describe('DPP-2.1-PublicEntryPointWebAcl', () => {
  test('passes an internet-facing ALB and a public API stage with an association, and a distribution with WebACLId', () => {
    expect(findingsOf(PublicEntryPointWebAcl, { Lb: ALB, Acl: ACL, Assoc: association({ Ref: 'Lb' }) })).toEqual([]);
    expect(findingsOf(PublicEntryPointWebAcl, { Api: api(['REGIONAL']), Stage: stage, Acl: ACL, Assoc: association(stageArn) })).toEqual([]);
    expect(findingsOf(PublicEntryPointWebAcl, { Cdn: { Type: 'AWS::CloudFront::Distribution', Properties: { DistributionConfig: { WebACLId: 'arn:aws:wafv2:us-east-1:111111111111:global/webacl/x/1' } } } })).toEqual([]);
  });

  test('ignores internal and network load balancers and private APIs', () => {
    expect(findingsOf(PublicEntryPointWebAcl, { Lb: { ...ALB, Properties: { Type: 'application', Scheme: 'internal' } } })).toEqual([]);
    expect(findingsOf(PublicEntryPointWebAcl, { Lb: { ...ALB, Properties: { Type: 'network' } } })).toEqual([]);
    expect(findingsOf(PublicEntryPointWebAcl, { Api: api(['PRIVATE']), Stage: stage })).toEqual([]);
  });

  test('warns on an ALB with no Scheme (internet-facing by default) and no web ACL', () => {
    expectOneFailure(findingsOf(PublicEntryPointWebAcl, { Lb: { ...ALB, Properties: { Type: 'application' } } }), PublicEntryPointWebAcl, 'Lb', /internet-facing application load balancer has no WAFv2 web ACL/);
  });

  test('warns on a public API stage and a distribution without one', () => {
    expectOneFailure(findingsOf(PublicEntryPointWebAcl, { Api: api(['EDGE']), Stage: stage }), PublicEntryPointWebAcl, 'Stage', /API stage has no WAFv2 web ACL/);
    expectOneFailure(findingsOf(PublicEntryPointWebAcl, { Cdn: { Type: 'AWS::CloudFront::Distribution', Properties: { DistributionConfig: {} } } }), PublicEntryPointWebAcl, 'Cdn', /DistributionConfig.WebACLId is not set/);
  });

  test('cannot verify a scheme or a WebACLId given by a parameter or Fn::If', () => {
    expectOneUnresolvable(findingsOf(PublicEntryPointWebAcl, { Lb: { ...ALB, Properties: { Type: 'application', Scheme: { Ref: 'Scheme' } } } }, parameters('Scheme')), 'Scheme');
    expectOneUnresolvable(findingsOf(PublicEntryPointWebAcl, { Cdn: { Type: 'AWS::CloudFront::Distribution', Properties: { DistributionConfig: { WebACLId: { 'Fn::If': ['C', 'arn', { Ref: 'AWS::NoValue' }] } } } } }), 'DistributionConfig.WebACLId');
  });
});

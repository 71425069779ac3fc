import type { ResourceContext, RuleResult } from '../../types';
import { fail, resourceRule, unresolvable } from '../../types';
import { asArray } from '../../values';

const ASSOCIATION = 'AWS::WAFv2::WebACLAssociation';

/** Whether a WAFv2 web ACL association of the template names the resource (its `ResourceArn` refers to it). */
function associated(ctx: ResourceContext): boolean {
  return ctx.index.referrersOf(ctx.logicalId, ASSOCIATION, 'Properties.ResourceArn').length > 0;
}

/** An application load balancer facing the internet (Scheme unset means internet-facing; only ALBs take a web ACL). */
function loadBalancer(ctx: ResourceContext): RuleResult {
  const type = ctx.prop('Type');
  if (type.kind === 'unresolvable') return unresolvable('Type', type.why);
  if (type.kind === 'known' && type.value !== 'application') return undefined;
  const scheme = ctx.prop('Scheme');
  if (scheme.kind === 'unresolvable') return unresolvable('Scheme', scheme.why);
  if (scheme.kind === 'known' && scheme.value === 'internal') return undefined;
  return associated(ctx) ? undefined : fail('the internet-facing application load balancer has no WAFv2 web ACL associated');
}

/** A REST API stage, unless its API is private (reachable only through VPC endpoints). */
function apiStage(ctx: ResourceContext): RuleResult {
  const api = ctx.prop('RestApiId');
  if (api.kind === 'reference') {
    const types = asArray((ctx.index.resource(api.logicalId)?.Properties?.EndpointConfiguration as { Types?: unknown } | undefined)?.Types);
    if (types.length > 0 && types.every((t) => t === 'PRIVATE')) return undefined;
  }
  return associated(ctx) ? undefined : fail('the API stage has no WAFv2 web ACL associated');
}

function distribution(ctx: ResourceContext): RuleResult {
  const webAcl = ctx.prop('DistributionConfig.WebACLId');
  if (webAcl.kind === 'unresolvable') return unresolvable('DistributionConfig.WebACLId', webAcl.why);
  return webAcl.kind === 'absent' ? fail('the distribution has no web ACL (DistributionConfig.WebACLId is not set)', 'DistributionConfig.WebACLId') : undefined;
}

export const PublicEntryPointWebAcl = resourceRule({
  id: 'DPP-2.1-PublicEntryPointWebAcl',
  clause: '2.1',
  level: 'warning',
  resourceTypes: ['AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::ApiGateway::Stage', 'AWS::CloudFront::Distribution'],
  description: 'Internet-facing application load balancers, API Gateway REST stages and CloudFront distributions have a WAFv2 web ACL',
  fix: 'Put the entry point behind the baseline\'s EdgeFirewall (an approved-CIDR allowlist where the audience is known, AWS managed rule groups and a rate limit where it is the public): firewall.associate(resourceArn), or DistributionConfig.WebACLId for CloudFront',
  explanation: 'DPP 2.1 Network Protection asks for network firewalls that deny access to unauthorised IP addresses; security groups and network ACLs cannot tell an attack from a customer on port 443, a web application firewall can.',
  check: (ctx) => {
    switch (ctx.type) {
      case 'AWS::ElasticLoadBalancingV2::LoadBalancer': return loadBalancer(ctx);
      case 'AWS::ApiGateway::Stage': return apiStage(ctx);
      default: return distribution(ctx);
    }
  },
});

import { judgeStatements } from '../../lookups/iam-documents';
import { conditionRestricts, principalIsEveryone } from '../../lookups/principals';
import { fail, resourceRule, unresolvable, type ResourceContext, type RuleResult } from '../../types';
import { asArray } from '../../values';

function check(ctx: ResourceContext): RuleResult {
  const subnets = ctx.prop('VPCOptions.SubnetIds');
  if (subnets.kind === 'unresolvable') return unresolvable('VPCOptions.SubnetIds', subnets.why);
  if (subnets.kind === 'reference' || (subnets.kind === 'known' && asArray(subnets.value).length > 0)) return undefined;
  if (ctx.prop('AccessPolicies').kind === 'absent') {
    return fail('the domain is outside a VPC (no VPCOptions.SubnetIds) and has no access policy restricting who may reach its endpoint', 'AccessPolicies');
  }
  return judgeStatements(ctx, ['resource'], (document, statement) => {
    if (statement.effect === 'Deny') return undefined;
    const everyone = principalIsEveryone(ctx.index, statement);
    const restricted = everyone.answer === 'no' ? everyone : conditionRestricts(ctx.index, statement);
    if (everyone.answer === 'no' || restricted.answer === 'yes') return undefined;
    if (everyone.answer === 'yes' && restricted.answer === 'no' && statement.effect === 'Allow') {
      return fail(`the domain is outside a VPC and ${statement.label} of its access policy allows every principal with no source IP or caller condition`, document.path);
    }
    return unresolvable(document.path, `${statement.label}: ${'why' in everyone ? everyone.why : 'why' in restricted ? restricted.why : 'its Effect is an intrinsic'}`);
  });
}

export const OpenSearchRestrictedAccess = resourceRule({
  id: 'DPP-2.1-OpenSearchRestrictedAccess',
  clause: '2.1',
  level: 'error',
  resourceTypes: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
  description: 'OpenSearch domains outside a VPC have an access policy restricted by principal or source IP',
  fix: 'Place the domain in the VPC (VPCOptions.SubnetIds in the data tier), or give it an AccessPolicies document naming the principals or an aws:SourceIp condition with the approved CIDRs',
  explanation: 'DPP 2.1 Network Protection requires public access only for approved users; a domain with a public endpoint and no restricting access policy is reachable from anywhere on the internet.',
  check,
});

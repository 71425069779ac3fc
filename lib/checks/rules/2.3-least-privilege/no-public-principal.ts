import { judgeStatements, POLICY_DOCUMENT_TYPES, type PolicyDocumentAt } from '../../lookups/iam-documents';
import type { Statement } from '../../lookups/policy-document';
import { conditionRestricts, principalIsEveryone } from '../../lookups/principals';
import { fail, resourceRule, unresolvable, type ResourceContext, type Verdict } from '../../types';

function judge(ctx: ResourceContext, document: PolicyDocumentAt, statement: Statement): Verdict | undefined {
  if (statement.effect === 'Deny') return undefined;
  const everyone = principalIsEveryone(ctx.index, statement);
  if (everyone.answer === 'no') return undefined;
  const restricted = conditionRestricts(ctx.index, statement);
  if (restricted.answer === 'yes') return undefined;
  if (everyone.answer === 'yes' && restricted.answer === 'no' && statement.effect === 'Allow') {
    return fail(`${document.path} ${statement.label} allows ${statement.notPrincipal ? 'everyone outside its NotPrincipal' : 'Principal "*"'} with no condition restricting the caller (account, organisation, source ARN, VPC or IP)`, document.path);
  }
  const why = everyone.answer === 'unknown' ? everyone.why : restricted.answer === 'unknown' ? restricted.why : 'its Effect is an intrinsic';
  return unresolvable(document.path, `${statement.label}: ${why}`);
}

/** A Lambda permission is a one-statement resource policy in properties of its own. */
function lambdaPermission(ctx: ResourceContext): Verdict | undefined {
  const principal = ctx.prop('Principal');
  if (principal.kind === 'unresolvable') return unresolvable('Principal', principal.why);
  if (principal.kind !== 'known' || principal.value !== '*') return undefined;
  const restricted = ['SourceArn', 'SourceAccount', 'PrincipalOrgID'].some((key) => ctx.prop(key).kind !== 'absent');
  return restricted ? undefined : fail('the Lambda permission allows Principal "*" with no SourceArn, SourceAccount or PrincipalOrgID', 'Principal');
}

export const NoPublicPrincipal = resourceRule({
  id: 'DPP-2.3-NoPublicPrincipal',
  clause: '2.3',
  level: 'error',
  resourceTypes: [...POLICY_DOCUMENT_TYPES, 'AWS::Lambda::Permission'],
  description: 'No resource policy or role trust policy allows Principal "*" (or {"AWS": "*"}) without a condition restricting the caller',
  fix: 'Name the principals (account, role or service) in Principal, or add a condition on aws:PrincipalOrgID, aws:SourceAccount, aws:SourceArn or aws:SourceVpce',
  explanation: 'DPP 2.3 Least Privilege Access requires access to Information on a need-to-know basis; a policy open to Principal "*" lets any AWS account, or anyone on the internet, in.',
  check: (ctx) => {
    if (ctx.type === 'AWS::Lambda::Permission') return lambdaPermission(ctx);
    return judgeStatements(ctx, ['resource', 'trust'], (document, statement) => judge(ctx, document, statement));
  },
});

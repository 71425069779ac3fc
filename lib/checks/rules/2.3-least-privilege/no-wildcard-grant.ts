import { judgeStatements, KEY_POLICY_TYPES, POLICY_DOCUMENT_TYPES, type PolicyDocumentAt } from '../../lookups/iam-documents';
import { administratorActions, resourceScope } from '../../lookups/iam-grants';
import { INTRINSIC, type Statement } from '../../lookups/policy-document';
import { principalIsOwnAccountRoot } from '../../lookups/principals';
import { fail, resourceRule, unresolvable, type ResourceContext, type Verdict } from '../../types';

/** The standard key-policy delegation: `kms:*` to the key's own account root, so IAM policies decide. */
function keyRootDelegation(ctx: ResourceContext, statement: Statement): Verdict | 'exempt' | undefined {
  if (!KEY_POLICY_TYPES.includes(ctx.type) || statement.notAction || !statement.actions.every((a) => a.startsWith('kms:'))) return undefined;
  const root = principalIsOwnAccountRoot(ctx.index, statement);
  if (root.answer === 'yes') return 'exempt';
  return root.answer === 'unknown' ? unresolvable('KeyPolicy', `${statement.label}: ${root.why}`) : undefined;
}

function judge(ctx: ResourceContext, document: PolicyDocumentAt, statement: Statement): Verdict | undefined {
  if (statement.effect === 'Deny') return undefined;
  const granted = statement.notAction ? ['everything but its NotAction list'] : administratorActions(statement).map((a) => `"${a}"`);
  const actionUnknown = statement.actions.includes(INTRINSIC);
  if (granted.length === 0 && !actionUnknown) return undefined;
  const scope = resourceScope(ctx.index, statement);
  if (scope.scope === 'scoped') return undefined;
  const exemption = keyRootDelegation(ctx, statement);
  if (exemption === 'exempt') return undefined;
  if (exemption) return exemption;
  if (granted.length > 0 && scope.scope === 'all' && statement.effect === 'Allow') {
    return fail(`${document.path} ${statement.label} allows ${granted.join(', ')} on Resource "*"`, document.path);
  }
  const why = scope.scope === 'unknown' ? scope.why : statement.effect !== 'Allow' ? 'its Effect is an intrinsic' : 'an Action is an intrinsic';
  return unresolvable(document.path, `${statement.label}: ${why}`);
}

export const NoWildcardGrant = resourceRule({
  id: 'DPP-2.3-NoWildcardGrant',
  clause: '2.3',
  level: 'error',
  resourceTypes: POLICY_DOCUMENT_TYPES,
  description: 'No policy statement allows "*", or "service:*" on iam, kms, s3, dynamodb, rds or secretsmanager, on Resource "*" (except kms:* to the key\'s own account root in a key policy)',
  fix: 'List the actions the principal needs and the resources (ARNs) it needs them on',
  explanation: 'DPP 2.3 Least Privilege Access requires fine-grained access control following the principle of least privilege, with access to Information on a need-to-know basis; a wildcard grant on every resource is administrator access.',
  check: (ctx) => judgeStatements(ctx, ['identity', 'resource', 'trust'], (document, statement) => judge(ctx, document, statement)),
});

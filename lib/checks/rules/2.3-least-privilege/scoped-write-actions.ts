import { judgeStatements, POLICY_DOCUMENT_TYPES, type PolicyDocumentAt } from '../../lookups/iam-documents';
import { resourceScope, writeActions } from '../../lookups/iam-grants';
import { INTRINSIC, type Statement } from '../../lookups/policy-document';
import { resourceRule, unresolvable, warn, type ResourceContext, type Verdict } from '../../types';

const LISTED = 5;

function judge(ctx: ResourceContext, document: PolicyDocumentAt, statement: Statement): Verdict | undefined {
  if (statement.effect === 'Deny' || statement.notAction) return undefined;
  const writes = writeActions(statement);
  if (writes.length === 0 && !statement.actions.includes(INTRINSIC)) return undefined;
  const scope = resourceScope(ctx.index, statement);
  if (scope.scope === 'scoped') return undefined;
  if (scope.scope === 'unknown' || writes.length === 0) return unresolvable(document.path, `${statement.label}: ${scope.scope === 'unknown' ? scope.why : 'an Action is an intrinsic'}`);
  const listed = writes.slice(0, LISTED).join(', ') + (writes.length > LISTED ? ` and ${writes.length - LISTED} more` : '');
  return warn(`${document.path} ${statement.label} allows write actions ${listed} on Resource "*"`, document.path);
}

export const ScopedWriteActions = resourceRule({
  id: 'DPP-2.3-ScopedWriteActions',
  clause: '2.3',
  level: 'warning',
  resourceTypes: POLICY_DOCUMENT_TYPES,
  description: 'Identity policies grant write actions (any action not named Get/BatchGet/List/Describe/Head/Lookup/Search/Query/Scan/Select/View…) on named resources, not Resource "*"',
  fix: 'Replace Resource "*" with the ARNs of the resources the write actions need',
  explanation: 'DPP 2.3 Least Privilege Access requires least privilege and need-to-know access; a write action on every resource reaches stores of Information the principal has no need for. A few actions accept no resource, hence a warning.',
  // In a resource policy "*" means the resource the policy is attached to; only identity policies reach every resource.
  check: (ctx) => judgeStatements(ctx, ['identity'], (document, statement) => judge(ctx, document, statement)),
});

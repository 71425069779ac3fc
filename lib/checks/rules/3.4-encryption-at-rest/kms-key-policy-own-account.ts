import { accountReach, awsPrincipalsOf, undecidedLiteralAccounts, type AccountReach } from '../../lookups/principal-account';
import { statementsOf, type Statement } from '../../lookups/policy-document';
import type { ResourceContext, Verdict } from '../../types';
import { fail, resourceRule, unresolvable, warn } from '../../types';
import { asArray, isIntrinsic } from '../../values';

/** Condition keys that pin a caller to an account, directly or through an ARN's account field. */
const ACCOUNT_KEYS = new Set(['kms:calleraccount', 'aws:principalaccount', 'aws:sourceaccount', 'aws:principalarn', 'aws:sourcearn']);
const ORGANIZATION_KEYS = new Set(['aws:principalorgid', 'aws:principalorgpaths', 'aws:sourceorgid', 'aws:sourceorgpaths']);

type ConditionReach = AccountReach | { readonly kind: 'organization' } | { readonly kind: 'none' };

/** How far a statement's condition narrows `Principal: "*"`: the accounts its account keys allow. */
function conditionReach(ctx: ResourceContext, condition: Record<string, unknown> | undefined): ConditionReach {
  let result: ConditionReach = { kind: 'none' };
  for (const [operator, block] of Object.entries(condition ?? {})) {
    // Negated operators (StringNotEquals…) exclude callers and `…IfExists` is met without the key: neither narrows to one account.
    if (/Not|IfExists$|^Null$/i.test(operator) || !block || typeof block !== 'object') continue;
    if (isIntrinsic(block)) return { kind: 'unresolvable', why: `condition ${operator} given by an intrinsic` };
    for (const [key, values] of Object.entries(block as Record<string, unknown>)) {
      const lower = key.toLowerCase();
      if (ORGANIZATION_KEYS.has(lower) && result.kind === 'none') result = { kind: 'organization' };
      if (!ACCOUNT_KEYS.has(lower)) continue;
      for (const value of asArray(values)) {
        const reach = accountReach(ctx.index, value);
        if (reach.kind === 'other' || reach.kind === 'any') return reach;
        if (reach.kind === 'unresolvable' || result.kind !== 'unresolvable') result = reach;
      }
    }
  }
  return result;
}

function statementVerdicts(ctx: ResourceContext, statement: Statement): Verdict[] {
  const where = `KeyPolicy.${statement.label}`;
  if (statement.effect === 'Deny') return [];
  if (statement.unresolvable) return [unresolvable(where, 'its Effect, Action or Condition is given by an intrinsic')];
  if (statement.notPrincipal) return [fail(`${statement.label} allows every principal but those in NotPrincipal`, where)];
  const principals = awsPrincipalsOf(statement.principalRaw);
  if (principals === undefined) return [unresolvable(`${where}.Principal`, 'the principal is given by an intrinsic')];
  return principals.flatMap((principal): Verdict[] => {
    const reach = accountReach(ctx.index, principal);
    switch (reach.kind) {
      case 'own': return [];
      case 'other': return [fail(`${statement.label} grants key use to account ${reach.account}, outside the stack's account`, `${where}.Principal`)];
      case 'unresolvable': return [unresolvable(`${where}.Principal`, reach.why)];
      default: break;
    }
    const narrowed = conditionReach(ctx, statement.condition);
    switch (narrowed.kind) {
      case 'own': return [];
      case 'other': return [fail(`${statement.label} grants key use to any principal of account ${narrowed.account}`, `${where}.Condition`)];
      case 'unresolvable': return [unresolvable(`${where}.Condition`, narrowed.why)];
      case 'organization': return [warn(`${statement.label} grants key use to every account of an AWS Organization: check they are all the Developer's`, `${where}.Condition`)];
      default: return [fail(`${statement.label} grants key use to any principal (Principal *) with no condition restricting it to the stack's account`, `${where}.Principal`)];
    }
  });
}

export const KmsKeyPolicyOwnAccount = resourceRule({
  id: 'DPP-3.4-KmsKeyPolicyOwnAccount',
  clause: '3.4',
  level: 'error',
  resourceTypes: ['AWS::KMS::Key'],
  description: 'KMS key policies grant nothing to principals outside the stack\'s account',
  fix: 'Grant key use only to the stack\'s own account (its root, roles and services), or pin Principal "*" with kms:CallerAccount',
  explanation: 'DPP 3.4 Encryption at Rest requires the keys that encrypt PII to be accessible only to the Developer\'s processes and services.',
  check: (ctx) => {
    // No KeyPolicy: KMS applies its default policy, which trusts the own account only.
    if (ctx.properties.KeyPolicy === undefined) return undefined;
    const { statements, unresolvable: whole } = statementsOf(ctx.properties.KeyPolicy);
    let verdicts = statements.flatMap((s) => statementVerdicts(ctx, s));
    const allowed = statements.filter((s) => s.effect === 'Allow' && !s.notPrincipal).flatMap((s) => awsPrincipalsOf(s.principalRaw) ?? []);
    const accounts = [...undecidedLiteralAccounts(ctx.index, allowed)].sort();
    if (accounts.length >= 2) {
      // Two different literal accounts cannot both be the stack's own: at least one is foreign.
      verdicts = [
        fail(`the key policy grants to accounts ${accounts.join(' and ')}: at least one is outside the stack's account wherever it is deployed`, 'KeyPolicy'),
        ...verdicts.filter((v) => !(v.outcome === 'unresolvable' && /while the stack's own account is not known/.test(v.why))),
      ];
    }
    return whole ? [unresolvable('KeyPolicy', 'the policy or one of its statements is given by an intrinsic'), ...verdicts] : verdicts;
  },
});

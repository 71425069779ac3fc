import type { TemplateIndex } from '../template-index';
import { asArray, isIntrinsic } from '../values';
import { knownAccount } from './stack-environments';
import { OWN_ACCOUNT, renderString } from './template-string';

/**
 * Whose account an IAM principal (or an account-valued condition) belongs to, relative to the
 * stack the policy is in. CDK writes the own account as `${AWS::AccountId}` inside `Fn::Join`
 * for environment-agnostic stacks and as the literal account ID when the stack names its
 * account; both are the own account. Used by DPP 3.4 Encryption at Rest (key policies grant
 * nothing outside the account).
 */
export type AccountReach =
  | { readonly kind: 'own' }
  | { readonly kind: 'any' }
  | { readonly kind: 'other'; readonly account: string }
  | { readonly kind: 'unresolvable'; readonly why: string; /** A literal account, undecided only because the stack's own account is not known. */ readonly account?: string };

/** Any ARN: the account is the fifth field (`arn:aws:iam::111111111111:root`, `arn:aws:logs:eu-west-1:111111111111:log-group:x`). */
const ARN = /^arn:[^:]*:[^:]*:[^:]*:([^:]*):/;
const ACCOUNT_ID = /^\d{12}$/;
/** Placeholders lose their `::` so an ARN's fields can be split on `:`. */
const OWN_ACCOUNT_IN_ARN = colonFree(OWN_ACCOUNT);
const RESOURCE_PLACEHOLDER = /^\$\{(?!AWS::)([^}.]+)[^}]*\}$/;

function colonFree(text: string): string {
  return text.replace(/\$\{([^}]*)\}/g, (_, name: string) => `\${${name.replace(/:/g, '_')}}`);
}

function reachOfAccount(account: string, own: string | undefined): AccountReach {
  if (account === OWN_ACCOUNT_IN_ARN || (own !== undefined && account === own)) return { kind: 'own' };
  if (account === '*' || account === '') return { kind: 'any' };
  if (!ACCOUNT_ID.test(account)) return { kind: 'unresolvable', why: `account ${account}` };
  if (own === undefined) return { kind: 'unresolvable', why: `account ${account} while the stack's own account is not known`, account };
  return { kind: 'other', account };
}

/** The reach of one AWS principal or account value: `*`, an account ID, or an ARN (whose account field decides). */
export function accountReach(index: TemplateIndex, raw: unknown): AccountReach {
  const rendered = renderString(index, raw);
  if ('unresolvable' in rendered) return { kind: 'unresolvable', why: rendered.unresolvable };
  const text = rendered.text;
  if (text === '*') return { kind: 'any' };
  // An attribute of a role, user or group of this template is, by construction, in the own
  // account; one of another resource (a custom resource's output) can name any account.
  const resource = RESOURCE_PLACEHOLDER.exec(text);
  if (resource) {
    const type = index.typeOf(resource[1]);
    return type?.startsWith('AWS::IAM::') ? { kind: 'own' } : { kind: 'unresolvable', why: `an attribute of ${resource[1]} (${type ?? 'not a resource'})` };
  }
  const own = knownAccount(index.stack);
  const flat = colonFree(text);
  const arn = ARN.exec(flat);
  return reachOfAccount(arn ? arn[1] : flat, own);
}

/** The AWS principals of a raw `Principal` block (`"*"` counts as the AWS principal `*`). Undefined when the block is an intrinsic. */
export function awsPrincipalsOf(principal: unknown): unknown[] | undefined {
  if (principal === undefined) return [];
  if (principal === '*') return ['*'];
  if (isIntrinsic(principal)) return undefined;
  if (!principal || typeof principal !== 'object') return [];
  return asArray((principal as Record<string, unknown>).AWS);
}

/**
 * The literal accounts a set of principal values names while the stack's own account is not
 * known. Two or more different ones grant to at least one foreign account wherever the stack is
 * deployed, so a rule can fail instead of warning.
 */
export function undecidedLiteralAccounts(index: TemplateIndex, principals: readonly unknown[]): Set<string> {
  const accounts = new Set<string>();
  for (const principal of principals) {
    const reach = accountReach(index, principal);
    if (reach.kind === 'unresolvable' && reach.account !== undefined) accounts.add(reach.account);
  }
  return accounts;
}

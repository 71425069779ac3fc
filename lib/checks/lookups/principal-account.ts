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
  | { readonly kind: 'unresolvable'; readonly why: string };

const IAM_ARN = /^arn:[^:]*:(?:iam|sts)::([^:]*):/;
const ACCOUNT_ID = /^\d{12}$/;
const RESOURCE_PLACEHOLDER = /^\$\{(?!AWS::)[^}]+\}$/;

function reachOfAccount(account: string, own: string | undefined): AccountReach {
  if (account === OWN_ACCOUNT || (own !== undefined && account === own)) return { kind: 'own' };
  if (!ACCOUNT_ID.test(account)) return { kind: 'unresolvable', why: `account ${account}` };
  if (own === undefined) return { kind: 'unresolvable', why: `account ${account} while the stack's own account is not known` };
  return { kind: 'other', account };
}

/** The reach of one AWS principal or account value: `*`, an account ID, or an IAM/STS ARN. */
export function accountReach(index: TemplateIndex, raw: unknown): AccountReach {
  const rendered = renderString(index, raw);
  if ('unresolvable' in rendered) return { kind: 'unresolvable', why: rendered.unresolvable };
  const text = rendered.text;
  if (text === '*') return { kind: 'any' };
  // An attribute of a role or user of this template is, by construction, in the own account.
  if (RESOURCE_PLACEHOLDER.test(text)) return { kind: 'own' };
  const own = knownAccount(index.stack);
  const arn = IAM_ARN.exec(text);
  if (arn) return reachOfAccount(arn[1], own);
  return reachOfAccount(text, own);
}

/** The AWS principals of a raw `Principal` block (`"*"` counts as the AWS principal `*`). Undefined when the block is an intrinsic. */
export function awsPrincipalsOf(principal: unknown): unknown[] | undefined {
  if (principal === undefined) return [];
  if (principal === '*') return ['*'];
  if (isIntrinsic(principal)) return undefined;
  if (!principal || typeof principal !== 'object') return [];
  return asArray((principal as Record<string, unknown>).AWS);
}

import type { TemplateIndex } from '../template-index';
import type { StackTemplate } from '../template';
import type { AppVerdict } from '../types';
import { unresolvable } from '../types';
import type { Value } from '../values';
import { TAG_ENVIRONMENT } from '../vocabulary';

/**
 * Which DPP environment (`test`, `prod`) a stack or resource belongs to, and which account a
 * stack deploys to. Shared by the app-level rules that compare environments (DPP 3.3 Asset
 * Management, DPP 3.5 Secure Coding Practices) and by the prod-only rules (DPP 3.7
 * Vulnerability Management).
 */

const ACCOUNT_ID = /^\d{12}$/;

/**
 * The stack's account when it is a real account ID. Environment-agnostic stacks have none, and a
 * cloud assembly writes `unknown-account` for them: both are "not configured".
 */
export function knownAccount(stack: StackTemplate): string | undefined {
  return stack.account !== undefined && ACCOUNT_ID.test(stack.account) ? stack.account : undefined;
}

/** The stacks of each baseline environment (each distinct `dpp:environment`), in input order. */
export function stacksByEnvironment(indexes: readonly TemplateIndex[]): Map<string, TemplateIndex[]> {
  const groups = new Map<string, TemplateIndex[]>();
  for (const index of indexes) {
    const environment = index.environment();
    if (environment === undefined) continue;
    const list = groups.get(environment) ?? [];
    list.push(index);
    groups.set(environment, list);
  }
  return groups;
}

/**
 * A resource's environment: its own `dpp:environment` tag, else its stack's (resources whose
 * tags live elsewhere, such as a global table's replicas, still belong to the stack's environment).
 */
export function environmentOf(index: TemplateIndex, logicalId: string): Value {
  const tag = index.tag(logicalId, TAG_ENVIRONMENT);
  if (tag.kind !== 'absent') return tag;
  const environment = index.environment();
  return environment === undefined ? tag : { kind: 'known', value: environment };
}

/**
 * Warnings for stacks whose environment the template cannot tell (a `dpp:environment` tag given
 * by an intrinsic): an app rule cannot decide for them, and must not skip them silently.
 */
export function unknownEnvironmentVerdicts(indexes: readonly TemplateIndex[]): AppVerdict[] {
  return indexes.flatMap((index) => {
    const why = index.environmentUnknownWhy();
    return why ? [{ stack: index.stack, verdict: unresolvable('Tags.dpp:environment', why) }] : [];
  });
}

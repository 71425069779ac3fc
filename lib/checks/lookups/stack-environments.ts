import type { TemplateIndex } from '../template-index';
import type { StackTemplate } from '../template';
import type { AppVerdict } from '../types';
import { unresolvable } from '../types';
import type { Value } from '../values';
import { TAG_ENVIRONMENT, TAG_ENVIRONMENT_KIND } from '../vocabulary';

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

/** The kinds of environment the DPP separates (DPP 3.5 Secure Coding Practices). */
const KINDS: ReadonlySet<string> = new Set(['test', 'prod']);

/**
 * A stack's environment kind: its `dpp:environment-kind` tag, else its `dpp:environment` (templates
 * from before kinds, and other tools, carry only `test` or `prod` there); lowercased. An environment
 * named neither, without a kind tag, is its own kind: never prod.
 */
export function stackKind(index: TemplateIndex): string | undefined {
  const tagged = index.environmentKindTag();
  if (tagged === undefined && index.environmentKindUnknownWhy()) return undefined;
  const kind = tagged ?? index.environment();
  return kind?.toLowerCase();
}

/** The stacks of each environment kind (`test`, `prod`, or the name of an environment without a kind), in input order. */
export function stacksByKind(indexes: readonly TemplateIndex[]): Map<string, TemplateIndex[]> {
  const groups = new Map<string, TemplateIndex[]>();
  for (const index of indexes) {
    const kind = stackKind(index);
    if (kind === undefined) continue;
    const list = groups.get(kind) ?? [];
    list.push(index);
    groups.set(kind, list);
  }
  return groups;
}

/**
 * A resource's environment kind: its own `dpp:environment-kind` tag; else its own
 * `dpp:environment` when that names a kind; else its stack's kind tag; else its environment.
 */
export function environmentKindOf(index: TemplateIndex, logicalId: string): Value {
  const own = index.tag(logicalId, TAG_ENVIRONMENT_KIND);
  if (own.kind !== 'absent') return lowercased(own);
  const environment = environmentOf(index, logicalId);
  if (environment.kind === 'known' && KINDS.has(String(environment.value).toLowerCase())) return lowercased(environment);
  const stack = index.environmentKindTag();
  return stack === undefined ? lowercased(environment) : { kind: 'known', value: stack.toLowerCase() };
}

function lowercased(value: Value): Value {
  return value.kind === 'known' && typeof value.value === 'string' ? { kind: 'known', value: value.value.toLowerCase() } : value;
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
    const kindWhy = index.environmentKindTag() === undefined ? index.environmentKindUnknownWhy() : undefined;
    const why = index.environmentUnknownWhy() ?? kindWhy;
    return why ? [{ stack: index.stack, verdict: unresolvable(why === kindWhy ? `Tags.${TAG_ENVIRONMENT_KIND}` : 'Tags.dpp:environment', why) }] : [];
  });
}

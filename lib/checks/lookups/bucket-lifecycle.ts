import type { ResourceContext, Verdict } from '../types';
import { fail, unresolvable } from '../types';
import { asNumber, isIntrinsic, type Value } from '../values';

/**
 * S3 lifecycle rules, for the rules that need a bucket to expire data (DPP 2.8 non-current
 * versions, 3.1 current objects). A lifecycle rule counts only when it is `Enabled` and applies
 * to the whole bucket: a `Prefix`, `TagFilters` or object-size filter leaves other objects kept
 * for ever, which is exactly what these clauses forbid.
 */

/** What one lifecycle rule's action does for a requirement. */
export type RuleAssessment =
  | { readonly outcome: 'meets' }
  | { readonly outcome: 'misses'; readonly reason: string }
  | { readonly outcome: 'unresolvable'; readonly property: string; readonly why: string };

/** A requirement on a bucket's lifecycle rules. */
export interface LifecycleRequirement {
  /** What a rule must do, for messages: "expires current objects within 30 days". */
  readonly what: string;
  /**
   * Judges a rule's action (the lookup checks Status and filters itself). `path` is the rule's
   * property path (`LifecycleConfiguration.Rules.0`). Undefined when the rule has no such action.
   */
  assess(ctx: ResourceContext, path: string): RuleAssessment | undefined;
}

/** Judges a number of days against a maximum: the shared shape of both requirements. */
export function assessDays(value: Value, property: string, maxDays: number, describe: (days: number) => string): RuleAssessment | undefined {
  if (value.kind === 'absent') return undefined;
  if (value.kind === 'unresolvable') return { outcome: 'unresolvable', property, why: value.why };
  if (value.kind === 'reference') return { outcome: 'unresolvable', property, why: 'a reference to another resource' };
  const days = asNumber(value.value);
  if (days === undefined) return { outcome: 'misses', reason: `${property} is not a number` };
  return days <= maxDays ? { outcome: 'meets' } : { outcome: 'misses', reason: describe(days) };
}

/** Why a rule does not cover the whole bucket, or undefined when it does. */
function narrowing(ctx: ResourceContext, path: string): RuleAssessment | undefined {
  const checks: Array<[string, (v: unknown) => string | undefined]> = [
    ['Prefix', (v) => (typeof v === 'string' && v !== '' ? `is limited to prefix "${v}"` : undefined)],
    ['TagFilters', (v) => (Array.isArray(v) && v.length > 0 ? 'is limited to tagged objects (TagFilters)' : undefined)],
    ['ObjectSizeGreaterThan', (v) => ((asNumber(v) ?? 0) > 0 ? 'is limited by object size (ObjectSizeGreaterThan)' : undefined)],
    ['ObjectSizeLessThan', () => 'is limited by object size (ObjectSizeLessThan)'],
  ];
  for (const [name, limits] of checks) {
    const property = `${path}.${name}`;
    const value = ctx.prop(property);
    if (value.kind === 'absent') continue;
    if (value.kind !== 'known') return { outcome: 'unresolvable', property, why: value.kind === 'unresolvable' ? value.why : 'a reference to another resource' };
    const reason = limits(value.value);
    if (reason) return { outcome: 'misses', reason };
  }
  return undefined;
}

function statusOf(ctx: ResourceContext, path: string): RuleAssessment {
  const property = `${path}.Status`;
  const status = ctx.prop(property);
  if (status.kind === 'unresolvable') return { outcome: 'unresolvable', property, why: status.why };
  if (status.kind === 'known' && status.value === 'Enabled') return { outcome: 'meets' };
  return { outcome: 'misses', reason: `is ${status.kind === 'known' ? String(status.value) : 'not Enabled'}` };
}

/**
 * The verdict for a bucket that must have an Enabled whole-bucket lifecycle rule meeting
 * `requirement`: nothing when one does, a warning when one might (an intrinsic decides), a
 * failure naming why each candidate rule falls short otherwise.
 */
export function requireWholeBucketLifecycleRule(ctx: ResourceContext, requirement: LifecycleRequirement): Verdict | undefined {
  const rulesProperty = 'LifecycleConfiguration.Rules';
  const rules = ctx.prop(rulesProperty);
  if (rules.kind === 'unresolvable') return unresolvable(rulesProperty, rules.why);
  const list = rules.kind === 'known' && Array.isArray(rules.value) ? rules.value : [];
  const reasons: string[] = [];
  let uncertain: Verdict | undefined;
  for (let i = 0; i < list.length; i++) {
    const rule = list[i];
    const path = `${rulesProperty}.${i}`;
    if (isIntrinsic(rule)) {
      uncertain ??= unresolvable(path, 'a lifecycle rule given by an intrinsic');
      continue;
    }
    const action = requirement.assess(ctx, path);
    if (!action) continue;
    const id = rule && typeof rule === 'object' ? (rule as { Id?: unknown }).Id : undefined;
    const label = typeof id === 'string' ? `rule "${id}"` : `rule ${i}`;
    const checks = [action, statusOf(ctx, path), narrowing(ctx, path) ?? ({ outcome: 'meets' } as const)];
    const missed = checks.find((c) => c.outcome === 'misses');
    if (missed?.outcome === 'misses') {
      reasons.push(`${label} ${missed.reason}`);
      continue;
    }
    const unknown = checks.find((c) => c.outcome === 'unresolvable');
    if (unknown?.outcome !== 'unresolvable') return undefined;
    uncertain ??= unresolvable(unknown.property, unknown.why);
  }
  if (uncertain) return uncertain;
  const detail = reasons.length > 0 ? ` (${reasons.join('; ')})` : '';
  return fail(`no Enabled lifecycle rule applying to the whole bucket ${requirement.what}${detail}`, rulesProperty);
}

/**
 * Current objects expire within `days` (DPP 3.1 for PII, DPP 2.8 for non-PII under a profile that
 * asks for it). A fixed `ExpirationDate` is not a retention period: objects written after it are
 * never expired by it.
 */
export function expiresCurrentObjects(days: number): LifecycleRequirement {
  return {
    what: `expires current objects within ${days} days`,
    assess: (ctx, path) => {
      const property = `${path}.ExpirationInDays`;
      const verdict = assessDays(ctx.prop(property), property, days, (n) => `expires current objects after ${n} days`);
      if (verdict) return verdict;
      return ctx.prop(`${path}.ExpirationDate`).kind === 'absent' ? undefined : { outcome: 'misses', reason: 'expires on a fixed ExpirationDate, not after a retention period' };
    },
  };
}

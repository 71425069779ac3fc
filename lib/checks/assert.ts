import type { ResourceContext, Verdict } from './types';
import { fail, unresolvable } from './types';
import { asBoolean, asNumber, type Value } from './values';

/**
 * Small decision helpers shared by rules. Each turns a property's Value into a verdict, so every
 * rule treats absent, wrong and unresolvable values the same way.
 */

/** Unresolvable → warning verdict; otherwise undefined so the caller decides on the known value. */
export function unresolvableVerdict(value: Value, property: string): Verdict | undefined {
  return value.kind === 'unresolvable' ? unresolvable(property, value.why) : undefined;
}

/** The property must be `true` (or "true"). Absent counts as false unless `absentIs` says otherwise. */
export function requireTrue(ctx: ResourceContext, property: string, problem: string, absentIs = false): Verdict | undefined {
  const value = ctx.prop(property);
  if (value.kind === 'unresolvable') return unresolvable(property, value.why);
  if (value.kind === 'absent') return absentIs ? undefined : fail(problem, property);
  if (value.kind === 'reference') return unresolvable(property, 'a reference to another resource');
  return asBoolean(value.value) === true ? undefined : fail(problem, property);
}

/** The property must not be `true`. Absent passes unless `absentIs` is true. */
export function requireNotTrue(ctx: ResourceContext, property: string, problem: string, absentIs = false): Verdict | undefined {
  const value = ctx.prop(property);
  if (value.kind === 'unresolvable') return unresolvable(property, value.why);
  if (value.kind === 'absent') return absentIs ? fail(problem, property) : undefined;
  if (value.kind === 'reference') return unresolvable(property, 'a reference to another resource');
  return asBoolean(value.value) === true ? fail(problem, property) : undefined;
}

/** The property must be present (any known value or a reference to a resource of the template). */
export function requirePresent(ctx: ResourceContext, property: string, problem: string): Verdict | undefined {
  const value = ctx.prop(property);
  if (value.kind === 'unresolvable') return unresolvable(property, value.why);
  return value.kind === 'absent' ? fail(problem, property) : undefined;
}

/** The property must be a number within [min, max]. `absent` decides what a missing value means. */
export function requireNumberInRange(
  ctx: ResourceContext,
  property: string,
  range: { min?: number; max?: number; absent: 'pass' | 'fail' },
  problem: (actual: number | undefined) => string,
): Verdict | undefined {
  const value = ctx.prop(property);
  if (value.kind === 'unresolvable') return unresolvable(property, value.why);
  if (value.kind === 'reference') return unresolvable(property, 'a reference to another resource');
  if (value.kind === 'absent') return range.absent === 'pass' ? undefined : fail(problem(undefined), property);
  const n = asNumber(value.value);
  if (n === undefined) return fail(problem(undefined), property);
  if ((range.min !== undefined && n < range.min) || (range.max !== undefined && n > range.max)) return fail(problem(n), property);
  return undefined;
}

/** The property must be one of `allowed` (compared as strings, case-sensitive). */
export function requireOneOf(ctx: ResourceContext, property: string, allowed: readonly string[], problem: (actual: unknown) => string, absentIs: 'pass' | 'fail' = 'fail'): Verdict | undefined {
  const value = ctx.prop(property);
  if (value.kind === 'unresolvable') return unresolvable(property, value.why);
  if (value.kind === 'reference') return unresolvable(property, 'a reference to another resource');
  if (value.kind === 'absent') return absentIs === 'pass' ? undefined : fail(problem(undefined), property);
  return allowed.includes(String(value.value)) ? undefined : fail(problem(value.value), property);
}

import { DPP, DPP_2025, type PolicyProfile } from '../policy/profile';
import type { RequirementLevel } from '../policy/thresholds';
import type { AppRule, ResourceRule, Rule } from './types';

/** A rule's body under one profile: its level may be `off`. */
export type PolicyRuleBody<R extends Rule> = Omit<R, 'scope' | 'level' | 'forPolicy'> & { readonly level: RequirementLevel };

/**
 * Binds a rule to profiles: the returned object is the rule under `dpp`, or under `dpp-2025` for a
 * rule `dpp` turns off, so it can be listed and tested on its own; a RuleSet binds it to its
 * profile through `forPolicy`.
 */
function bound<R extends Rule>(scope: R['scope'], build: (policy: PolicyProfile) => PolicyRuleBody<R>): R {
  const bind = (policy: PolicyProfile): R | undefined => {
    const body = build(policy);
    if (body.level === 'off') return undefined;
    return { scope, ...body, level: body.level, forPolicy: bind } as unknown as R;
  };
  const rule = bind(DPP) ?? bind(DPP_2025);
  if (!rule) throw new Error('policyRule: a rule must be on in at least one built-in profile');
  return rule;
}

/** Declares a resource rule built from the policy profile (its numbers, texts and level). */
export function policyRule(build: (policy: PolicyProfile) => PolicyRuleBody<ResourceRule>): ResourceRule {
  return bound<ResourceRule>('resource', build);
}

/** Declares an app rule built from the policy profile. */
export function policyAppRule(build: (policy: PolicyProfile) => PolicyRuleBody<AppRule>): AppRule {
  return bound<AppRule>('app', build);
}

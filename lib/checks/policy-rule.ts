import { DPP, DPP_2025, type PolicyProfile } from '../policy/profile';
import type { RequirementLevel } from '../policy/thresholds';
import type { ResourceRule } from './types';

/** A resource rule's body under one profile: its level may be `off`. */
export type PolicyRuleBody = Omit<ResourceRule, 'scope' | 'level' | 'forPolicy'> & { readonly level: RequirementLevel };

/**
 * Declares a resource rule built from the policy profile (its numbers, texts and level). The
 * returned object is the rule under `dpp`, or under `dpp-2025` for a rule `dpp` turns off, so it
 * can be listed and tested on its own; a RuleSet binds it to its profile through `forPolicy`.
 */
export function policyRule(build: (policy: PolicyProfile) => PolicyRuleBody): ResourceRule {
  const bind = (policy: PolicyProfile): ResourceRule | undefined => {
    const body = build(policy);
    if (body.level === 'off') return undefined;
    return { scope: 'resource', ...body, level: body.level, forPolicy: bind };
  };
  const rule = bind(DPP) ?? bind(DPP_2025);
  if (!rule) throw new Error('policyRule: a rule must be on in at least one built-in profile');
  return rule;
}

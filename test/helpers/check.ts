import { checkStacks, RuleSet } from '../../lib/checks/engine';
import { dppRuleSet } from '../../lib/checks/rules';
import type { CfnTemplate, StackTemplate } from '../../lib/checks/template';
import type { Finding, Rule } from '../../lib/checks/types';
import type { PolicyProfile } from '../../lib/policy/profile';

/** Resources as they appear in a template, keyed by logical ID. */
export type Resources = Record<string, { Type: string; Properties?: Record<string, unknown>; Metadata?: Record<string, unknown> }>;

/** A minimal template around some resources (and optional parameters). */
export function template(resources: Resources, extra: Partial<CfnTemplate> = {}): CfnTemplate {
  return { Resources: resources, ...extra } as CfnTemplate;
}

/** Runs rules (default: all) over templates under a profile (default `dpp`); returns the findings. */
export function check(templates: CfnTemplate | StackTemplate[], rules?: readonly Rule[], policy?: PolicyProfile): readonly Finding[] {
  const stacks: StackTemplate[] = Array.isArray(templates) ? templates : [{ id: 'Test', stackName: 'Test', template: templates }];
  return checkStacks(rules ? new RuleSet(rules, policy) : dppRuleSet(policy), stacks).findings;
}

/** The findings of one rule over a template with the given resources, under a profile (default `dpp`). */
export function findingsOf(rule: Rule, resources: Resources, extra: Partial<CfnTemplate> = {}, policy?: PolicyProfile): readonly Finding[] {
  return check(template(resources, extra), [rule], policy).filter((f) => f.ruleId === rule.id);
}

/** A parameter block with one String parameter per name, for intrinsic (unresolvable) cases. */
export function parameters(...names: string[]): Partial<CfnTemplate> {
  return { Parameters: Object.fromEntries(names.map((n) => [n, { Type: 'String' }])) };
}

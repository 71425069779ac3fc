import { appDigest } from '../../lib/checks/app-digest';
import { checkApp, checkStacks, RuleSet } from '../../lib/checks/engine';
import { dppRuleSet } from '../../lib/checks/rules';
import type { CfnTemplate, StackTemplate } from '../../lib/checks/template';
import { TemplateIndex } from '../../lib/checks/template-index';
import { comparesAcrossStacks } from '../../lib/reports/template-result';
import type { Finding, Rule } from '../../lib/checks/types';
import type { PolicyProfile } from '../../lib/policy/profile';

/** Resources as they appear in a template, keyed by logical ID. */
export type Resources = Record<string, { Type: string; Properties?: Record<string, unknown>; Metadata?: Record<string, unknown> }>;

/** A minimal template around some resources (and optional parameters). */
export function template(resources: Resources, extra: Partial<CfnTemplate> = {}): CfnTemplate {
  return { Resources: resources, ...extra } as CfnTemplate;
}

/**
 * Runs rules (default: all) over templates under a profile (default `dpp`); returns the findings.
 * Every case also holds the app rules to what `dpp check` relies on: they find the same over the
 * templates' digests (lib/checks/app-digest.ts) as over the templates.
 */
export function check(templates: CfnTemplate | StackTemplate[], rules?: readonly Rule[], policy?: PolicyProfile): readonly Finding[] {
  const stacks: StackTemplate[] = Array.isArray(templates) ? templates : [{ id: 'Test', stackName: 'Test', template: templates }];
  const ruleSet = rules ? new RuleSet(rules, policy) : dppRuleSet(policy);
  const result = checkStacks(ruleSet, stacks);
  expectDigestsAgree(ruleSet, stacks, result.indexes);
  return result.findings;
}

/** Throws unless the app rules give the same findings, in the same order, over the templates' digests. */
export function expectDigestsAgree(rules: RuleSet, stacks: readonly StackTemplate[], indexes: readonly TemplateIndex[] = stacks.map((s) => new TemplateIndex(s))): void {
  if (rules.appRules.length === 0) return;
  const whole = JSON.stringify(checkApp(rules, indexes), null, 1);
  const digests = stacks.map((s) => new TemplateIndex(appDigest(s, rules)));
  const digested = JSON.stringify(checkApp(rules, digests), null, 1);
  const compares = (list: readonly TemplateIndex[]) => list.map(comparesAcrossStacks).join();
  if (compares(digests) !== compares(indexes)) throw new Error(`a digest takes part in the app rules' comparisons where its template does not, or the reverse: ${compares(indexes)} / ${compares(digests)}`);
  if (digested !== whole) throw new Error(`an app rule reads more than the digests keep (declare it in its \`reads\`, lib/checks/app-digest.ts):\nover the templates: ${whole}\nover the digests: ${digested}`);
}

/** The findings of one rule over a template with the given resources, under a profile (default `dpp`). */
export function findingsOf(rule: Rule, resources: Resources, extra: Partial<CfnTemplate> = {}, policy?: PolicyProfile): readonly Finding[] {
  return check(template(resources, extra), [rule], policy).filter((f) => f.ruleId === rule.id);
}

/** A parameter block with one String parameter per name, for intrinsic (unresolvable) cases. */
export function parameters(...names: string[]): Partial<CfnTemplate> {
  return { Parameters: Object.fromEntries(names.map((n) => [n, { Type: 'String' }])) };
}

import { DPP, type PolicyProfile } from '../policy/profile';
import { resourceContext } from './context';
import { TemplateIndex } from './template-index';
import type { StackTemplate } from './template';
import type { AppRule, Finding, Level, ResourceRule, Rule, RuleResult, Verdict } from './types';

/**
 * A set of rules under one policy profile, grouped once by resource type so each resource is
 * checked only by the rules that apply to it: checking stays linear in the number of resources.
 * Rules built from the profile are bound to it here (and left out where it turns them off), so
 * two rule sets of two profiles can check side by side in one process.
 */
export class RuleSet {
  public readonly rules: readonly Rule[];
  public readonly resourceRules: readonly ResourceRule[];
  public readonly appRules: readonly AppRule[];
  /** Every rule's ID. */
  public readonly ruleIds: ReadonlySet<string>;
  private readonly byType = new Map<string, ResourceRule[]>();
  private readonly byId = new Map<string, Rule>();

  constructor(rules: readonly Rule[], public readonly policy: PolicyProfile = DPP) {
    this.rules = rules.flatMap((rule) => {
      const bound = rule.forPolicy ? rule.forPolicy(policy) : rule;
      return bound ? [bound] : [];
    });
    for (const rule of this.rules) {
      if (this.byId.has(rule.id)) throw new Error(`Duplicate rule ID ${rule.id}`);
      this.byId.set(rule.id, rule);
    }
    this.ruleIds = new Set(this.byId.keys());
    this.resourceRules = this.rules.filter((r): r is ResourceRule => r.scope === 'resource');
    this.appRules = this.rules.filter((r): r is AppRule => r.scope === 'app');
    for (const rule of this.resourceRules) {
      for (const type of rule.resourceTypes) {
        const list = this.byType.get(type) ?? [];
        list.push(rule);
        this.byType.set(type, list);
      }
    }
  }

  /** The rules that apply to a resource type. */
  public forType(type: string): readonly ResourceRule[] {
    return this.byType.get(type) ?? [];
  }

  public rule(id: string): Rule | undefined {
    return this.byId.get(id);
  }

  /** The app rules about account-wide controls each environment's baseline deploys (`AppRule.environmentControl`). */
  public get environmentControls(): readonly AppRule[] {
    return this.appRules.filter((r) => r.environmentControl);
  }

  /** These rules without the environment controls: for a workload app whose account runs the baseline. */
  public withoutEnvironmentControls(): RuleSet {
    return new RuleSet(this.rules.filter((r) => r.scope !== 'app' || !r.environmentControl), this.policy);
  }
}

/** One line naming the environment-control rules a workload app leaves to its baseline, and where they are checked. */
export function providedElsewhereLine(rules: readonly Rule[], from: string): string {
  return `${rules.length} environment controls provided by ${from}, not checked here: ${rules.map((r) => r.id).join(', ')}`;
}

function toList(result: RuleResult): readonly Verdict[] {
  if (!result) return [];
  return Array.isArray(result) ? result : [result as Verdict];
}

/** The finding's one-line message: the problem and the fix, or why the value could not be verified. */
export function verdictMessage(rule: Rule, verdict: Verdict): string {
  if (verdict.outcome === 'unresolvable') {
    return `cannot be verified at synth time: ${clip(verdict.property)} (${clip(verdict.why)}). Make the value literal, or acknowledge this finding with the value it takes at deploy. Required: ${rule.description}.`;
  }
  return `${clip(verdict.problem)}. Fix: ${rule.fix}`;
}

const MAX_QUOTED = 300;

/**
 * Problems quote template values, which may hold line breaks or run to megabytes; a finding's
 * message stays one readable line.
 */
function clip(text: string): string {
  const line = text.replace(/[ \t]*[\r\n\u2028\u2029]+[ \t]*/g, ' ');
  return line.length > MAX_QUOTED ? `${line.slice(0, MAX_QUOTED)}…` : line;
}

function verdictLevel(rule: Rule, verdict: Verdict): Level {
  if (verdict.outcome === 'unresolvable') return 'warning';
  return verdict.level ?? rule.level;
}

function toFinding(rule: Rule, index: TemplateIndex, logicalId: string | undefined, verdict: Verdict): Finding {
  return {
    ruleId: rule.id,
    clause: rule.clause,
    level: verdictLevel(rule, verdict),
    templateId: index.stack.id,
    stackName: index.stack.stackName,
    logicalId,
    resourceType: logicalId ? index.typeOf(logicalId) : undefined,
    property: verdict.property,
    message: verdictMessage(rule, verdict),
  };
}

function thrownFinding(rule: Rule, index: TemplateIndex, logicalId: string | undefined, error: unknown): Finding {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    ruleId: rule.id,
    clause: rule.clause,
    level: rule.level,
    templateId: index.stack.id,
    stackName: index.stack.stackName,
    logicalId,
    resourceType: logicalId ? index.typeOf(logicalId) : undefined,
    message: `rule ${rule.id} could not check this resource (${reason.split('\n')[0]}); the control is unverified. Fix: ${rule.fix}`,
  };
}

/** Applies one resource rule to one resource. A rule that throws becomes a finding, never a crash. */
export function runResourceRule(rule: ResourceRule, index: TemplateIndex, logicalId: string, policy: PolicyProfile = DPP): Finding[] {
  try {
    return toList(rule.check(resourceContext(index, logicalId, policy))).map((v) => toFinding(rule, index, logicalId, v));
  } catch (error) {
    return [thrownFinding(rule, index, logicalId, error)];
  }
}

/** Every resource rule's findings on one resource. */
export function checkResource(rules: RuleSet, index: TemplateIndex, logicalId: string): Finding[] {
  const type = index.typeOf(logicalId);
  if (!type) return [];
  return rules.forType(type).flatMap((rule) => runResourceRule(rule, index, logicalId, rules.policy));
}

/** Every app rule's findings over a set of stacks. */
export function checkApp(rules: RuleSet, indexes: readonly TemplateIndex[]): Finding[] {
  const findings: Finding[] = [];
  // A map, not a search per finding: an org-wide check has thousands of stacks.
  const byStack = new Map<StackTemplate, TemplateIndex>();
  for (const index of indexes) if (!byStack.has(index.stack)) byStack.set(index.stack, index);
  for (const rule of rules.appRules) {
    try {
      for (const { stack, logicalId, verdict } of rule.check(indexes, rules.policy)) {
        const index = byStack.get(stack) ?? indexes[0];
        findings.push(toFinding(rule, index, logicalId, verdict));
      }
    } catch (error) {
      if (indexes.length > 0) findings.push(thrownFinding(rule, indexes[0], undefined, error));
    }
  }
  return findings;
}

/** The result of checking templates: findings plus the indexes (reports reuse them). */
export interface CheckResult {
  readonly findings: readonly Finding[];
  readonly indexes: readonly TemplateIndex[];
}

/** Checks stack templates with a rule set: each template indexed once, each resource checked by its type's rules, app rules once. */
export function checkStacks(rules: RuleSet, stacks: readonly StackTemplate[]): CheckResult {
  const indexes = stacks.map((s) => new TemplateIndex(s));
  const findings: Finding[] = [];
  for (const index of indexes) {
    for (const logicalId of index.logicalIds) findings.push(...checkResource(rules, index, logicalId));
  }
  findings.push(...checkApp(rules, indexes));
  return { findings, indexes };
}

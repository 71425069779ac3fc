import { DPP, profileProceduralItems, type PolicyProfile } from '../policy/profile';
import { CLAUSES, proceduralItem, rulesOfClause, type ClauseStatus, type ProceduralItem } from '../checks/catalogue';
import type { ClauseId, Level, Rule } from '../checks/types';
import type { CheckReport, ReportedFinding } from './check-report';
import { groupBy } from './group-by';

/** What became of a rule on the templates given. */
export type RuleOutcome = 'passed' | 'failed' | 'warned' | 'acknowledged' | 'not-applicable';

/** A resource with an unacknowledged error of a rule: where a reviewer goes to fix it. */
export interface FailingResource {
  readonly template: string;
  /** Null for a finding about the whole stack or app. */
  readonly logicalId: string | null;
  readonly line: number | null;
}

export interface CoverageRule {
  readonly id: string;
  readonly level: Level;
  readonly description: string;
  /** Only when templates were checked. */
  readonly outcome?: RuleOutcome;
  /** Only for a failed rule: every resource with an unacknowledged error. */
  readonly failing?: readonly FailingResource[];
}

/** Rule IDs by outcome, for one clause. */
export interface ClauseResults {
  readonly passed: readonly string[];
  readonly failed: readonly string[];
  readonly warned: readonly string[];
  readonly acknowledged: readonly string[];
  readonly notApplicable: readonly string[];
}

export interface CoverageClause {
  readonly id: ClauseId;
  readonly title: string;
  readonly status: ClauseStatus;
  readonly rules: readonly CoverageRule[];
  readonly constructs: readonly string[];
  readonly procedural: readonly ProceduralItem[];
  /** Only when templates were checked. */
  readonly results?: ClauseResults;
}

/** The clause coverage matrix (`dpp report coverage --format json` prints it as is). */
export interface Coverage {
  /** The policy profile the rules and numbers are those of. */
  readonly profile: { readonly name: string; readonly base: string };
  /** The templates checked, when some were given. */
  readonly templates?: readonly string[];
  readonly clauses: readonly CoverageClause[];
}

/**
 * A rule's outcome on checked templates: failed (an unacknowledged error), warned (only
 * unacknowledged warnings), acknowledged (every finding acknowledged), passed (it applied and
 * found nothing), or not applicable (no resource of its types; app rules always apply).
 */
function outcomeOf(rule: Rule, report: CheckReport, findingsByRule: ReadonlyMap<string, readonly ReportedFinding[]>): RuleOutcome {
  const findings = findingsByRule.get(rule.id) ?? [];
  if (findings.some((f) => !f.acknowledged && f.level === 'error')) return 'failed';
  if (findings.some((f) => !f.acknowledged)) return 'warned';
  if (findings.length > 0) return 'acknowledged';
  const applies = rule.scope === 'app' || report.indexes.some((index) => rule.resourceTypes.some((t) => index.ofType(t).length > 0));
  return applies ? 'passed' : 'not-applicable';
}

function outcomeFields(rule: Rule, report: CheckReport, findingsByRule: ReadonlyMap<string, readonly ReportedFinding[]>): Pick<CoverageRule, 'outcome' | 'failing'> {
  const outcome = outcomeOf(rule, report, findingsByRule);
  if (outcome !== 'failed') return { outcome };
  const failing = (findingsByRule.get(rule.id) ?? [])
    .filter((f) => !f.acknowledged && f.level === 'error')
    .map((f): FailingResource => ({ template: f.file, logicalId: f.logicalId ?? null, line: f.line ?? null }));
  return { outcome, failing };
}

function results(rules: readonly CoverageRule[]): ClauseResults {
  const having = (outcome: RuleOutcome) => rules.filter((r) => r.outcome === outcome).map((r) => r.id);
  return {
    passed: having('passed'),
    failed: having('failed'),
    warned: having('warned'),
    acknowledged: having('acknowledged'),
    notApplicable: having('not-applicable'),
  };
}

/**
 * The coverage matrix from the clause catalogue: every clause 2.1–3.7 with its status, rules,
 * the constructs that provision it and what stays procedural; with a check report, also each
 * rule's outcome on those templates.
 */
export function coverage(rules: readonly Rule[], report?: CheckReport, policy: PolicyProfile = report?.rules.policy ?? DPP): Coverage {
  const extraProcedural = profileProceduralItems(policy);
  const findingsByRule = groupBy(report?.findings ?? [], (f) => f.ruleId);
  const clauses = CLAUSES.map((clause): CoverageClause => {
    const clauseRules = rulesOfClause(clause.id, rules).map((rule): CoverageRule => ({
      id: rule.id,
      level: rule.level,
      description: rule.description,
      ...(report ? outcomeFields(rule, report, findingsByRule) : {}),
    }));
    return {
      id: clause.id,
      title: clause.title,
      status: clause.status,
      rules: clauseRules,
      constructs: clause.constructs,
      procedural: [...clause.procedural.map((entry) => proceduralItem(entry, policy.values)), ...extraProcedural.filter((p) => p.clause === clause.id).map(({ item, coveredBy }) => ({ item, coveredBy }))],
      ...(report ? { results: results(clauseRules) } : {}),
    };
  });
  const profile = { name: policy.name, base: policy.base };
  return report ? { profile, templates: report.templates.map((t) => t.file), clauses } : { profile, clauses };
}

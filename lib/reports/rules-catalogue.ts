import type { Rule } from '../checks/types';
import { clauseLabel, clauseTitle } from './clause-title';
import { colours } from './colour';

/** One rule as `dpp rules --format json` prints it. */
export interface RuleJson {
  readonly id: string;
  readonly clause: string;
  readonly clauseTitle: string;
  readonly level: 'error' | 'warning';
  readonly scope: 'resource' | 'app';
  readonly resourceTypes: readonly string[];
  readonly description: string;
  readonly fix: string;
  readonly explanation: string;
  /** Where the rule's findings cannot be acknowledged (`always`, `prod`, `prod-pii`), or null. */
  readonly critical: 'always' | 'prod' | 'prod-pii' | null;
}

export function ruleJson(rule: Rule): RuleJson {
  return {
    id: rule.id,
    clause: rule.clause,
    clauseTitle: clauseTitle(rule.clause),
    level: rule.level,
    scope: rule.scope,
    resourceTypes: rule.scope === 'resource' ? rule.resourceTypes : [],
    description: rule.description,
    fix: rule.fix,
    explanation: rule.explanation,
    critical: rule.critical ?? null,
  };
}

/** `{ "rules": [...] }`, in clause order. */
export function formatRulesJson(rules: readonly Rule[]): string {
  return `${JSON.stringify({ rules: rules.map(ruleJson) }, null, 2)}\n`;
}

const CRITICAL_SCOPE = { prod: 'in prod', 'prod-pii': 'on PII stores in prod' } as const;

/** The rule catalogue for people: rules grouped by clause, each with level, resource types, what it asserts and the fix. */
export function formatRulesText(rules: readonly Rule[], colour: boolean): string {
  const c = colours(colour);
  const out: string[] = [];
  let clause: string | undefined;
  for (const rule of rules) {
    if (rule.clause !== clause) {
      if (clause !== undefined) out.push('');
      clause = rule.clause;
      out.push(c.bold(clauseLabel(rule.clause)));
    }
    const level = rule.level === 'error' ? c.red('error  ') : c.yellow('warning');
    const scope = rule.scope === 'app' ? 'every stack of the app' : rule.resourceTypes.join(', ');
    const critical = rule.critical ? `  ${c.red(`critical${rule.critical === 'always' ? '' : ` (${CRITICAL_SCOPE[rule.critical]})`}: cannot be acknowledged`)}` : '';
    out.push(`  ${rule.id}  ${level}  ${c.dim(scope)}${critical}`);
    out.push(`    ${rule.description}`);
    out.push(`    ${c.dim('fix:')} ${rule.fix}`);
  }
  out.push('', `${rules.length} rules`);
  return `${out.join('\n')}\n`;
}

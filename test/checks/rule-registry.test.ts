import * as fs from 'node:fs';
import * as path from 'node:path';
import { dppRuleSet, ALL_RULES } from '../../lib/checks/rules';
import type { Rule } from '../../lib/checks/types';

/**
 * Every rule file is reachable from the rule set: a rule file not listed in its folder's index
 * would silently stop running. And the README's rule count is the code's.
 */

const RULES_DIR = path.join(__dirname, '../../lib/checks/rules');

function isRule(value: unknown): value is Rule {
  return !!value && typeof value === 'object' && typeof (value as Rule).id === 'string' && /^DPP-/.test((value as Rule).id) && typeof (value as Rule).check === 'function';
}

describe('the rule registry', () => {
  const folders = fs.readdirSync(RULES_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  const files = folders.flatMap((folder) => fs.readdirSync(path.join(RULES_DIR, folder)).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => path.join(folder, f)));

  test('each rule file exports exactly one rule, of its folder\'s clause, and that rule is registered', () => {
    const registered = new Set(ALL_RULES.map((r) => r.id));
    const problems: string[] = [];
    for (const file of files) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const rules = Object.values(require(path.join(RULES_DIR, file)) as Record<string, unknown>).filter(isRule);
      const clause = file.split('-')[0];
      if (rules.length !== 1) problems.push(`${file}: exports ${rules.length} rules`);
      for (const rule of rules) {
        if (!registered.has(rule.id)) problems.push(`${file}: ${rule.id} is not listed in ${path.dirname(file)}/index.ts`);
        if (rule.clause !== clause) problems.push(`${file}: ${rule.id} is of clause ${rule.clause}, in folder ${path.dirname(file)}`);
      }
    }
    expect(problems).toEqual([]);
    expect(files).toHaveLength(ALL_RULES.length);
  });

  test('the README states the rule counts of the code', () => {
    const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
    const counts = [...readme.matchAll(/\b(\d+) (?:DPP )?rules\b/g)].map((m) => Number(m[1]));
    expect(counts.length).toBeGreaterThan(0);
    // Every rule (all on under dpp-2025), the rules on under dpp, and a workload app's (without the environment controls).
    const dpp = dppRuleSet();
    const known = [ALL_RULES.length, dpp.rules.length, dpp.withoutEnvironmentControls().rules.length];
    expect(counts.filter((n) => !known.includes(n))).toEqual([]);
    expect(counts).toContain(dpp.rules.length);
    expect(counts).toContain(ALL_RULES.length);
  });
});

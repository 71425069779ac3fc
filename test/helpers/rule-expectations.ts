import { findingsOf, parameters } from './check';
import type { Finding, Rule } from '../../lib/checks/types';

/** Asserts exactly one finding: `rule`'s failure at its level on `logicalId`, whose message names the problem. */
export function expectOneFailure(findings: readonly Finding[], rule: Rule, logicalId: string | undefined, problem: RegExp, level = rule.level): Finding {
  expect(findings).toHaveLength(1);
  const [finding] = findings;
  expect(finding).toMatchObject({ ruleId: rule.id, clause: rule.clause, level, logicalId });
  expect(finding.message).toMatch(problem);
  expect(finding.message).toContain(`Fix: ${rule.fix}`);
  return finding;
}

/** Asserts exactly one finding: an unresolvable-value warning naming `property`. */
export function expectOneUnresolvable(findings: readonly Finding[], property: string): Finding {
  expect(findings).toHaveLength(1);
  const [finding] = findings;
  expect(finding.level).toBe('warning');
  expect(finding.message).toMatch(new RegExp(`^cannot be verified at synth time: ${property.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  return finding;
}

/** Properties with `value` at a dotted path. */
export function at(path: string, value: unknown): Record<string, unknown> {
  return path.split('.').reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as Record<string, unknown>;
}

/**
 * The standard cases of a rule that requires one property of a resource type to hold a value:
 * compliant, wrong (naming the problem), absent, and unresolvable (parameter, Fn::If).
 */
export function describePropertyRule(rule: Rule, type: string, path: string, values: { good: unknown; bad: unknown }, problem: RegExp, absent: 'fails' | 'passes' = 'fails'): void {
  const resources = (value: unknown) => ({ R: { Type: type, Properties: at(path, value) } });

  describe(`${rule.id} on ${type}`, () => {
    test(`passes ${path}: ${String(values.good)}`, () => {
      expect(findingsOf(rule, resources(values.good))).toEqual([]);
    });

    test(`fails ${path}: ${String(values.bad)}, naming the problem and the fix`, () => {
      const finding = expectOneFailure(findingsOf(rule, resources(values.bad)), rule, 'R', problem);
      expect(finding.property).toBe(path);
    });

    test(`${absent} without ${path}`, () => {
      const findings = findingsOf(rule, { R: { Type: type, Properties: {} } });
      if (absent === 'passes') expect(findings).toEqual([]);
      else expect(findings).toEqual([expect.objectContaining({ level: rule.level, logicalId: 'R', property: path })]);
    });

    test.each([
      ['a parameter', { Ref: 'P' }],
      ['Fn::If', { 'Fn::If': ['C', values.good, values.bad] }],
    ])(`warns when ${path} is %s`, (_, value) => {
      expectOneUnresolvable(findingsOf(rule, resources(value), parameters('P')), path);
    });
  });
}

import type { CheckReport, FailLevel, ReportedFinding } from './check-report';
import { isFailing } from './check-report';
import { clauseLabel } from './clause-title';
import { groupBy } from './group-by';
import { escapeXml as x } from './xml';

interface Case {
  readonly name: string;
  readonly line?: number;
  readonly findings: ReportedFinding[];
}

function describe(f: ReportedFinding): string {
  const acknowledged = f.acknowledged ? ` (acknowledged: ${f.acknowledgedReason})` : '';
  return `${f.level} ${f.ruleId} [${clauseLabel(f.clause)}]${acknowledged}: ${f.message}`;
}

function testcase(file: string, classname: string, c: Case, failOn: FailLevel): string {
  const failing = c.findings.filter((f) => isFailing(f, failOn));
  const other = c.findings.filter((f) => !isFailing(f, failOn));
  const attrs = `classname="${x(classname)}" name="${x(c.name)}" file="${x(file)}"${c.line ? ` line="${c.line}"` : ''}`;
  if (c.findings.length === 0) return `    <testcase ${attrs}/>`;
  const body: string[] = [];
  if (failing.length > 0) {
    const message = failing.length === 1 ? `${failing[0].ruleId}: ${failing[0].message}` : `${failing.length} findings: ${failing.map((f) => f.ruleId).join(', ')}`;
    body.push(`      <failure type="${x(failing[0].ruleId)}" message="${x(message)}">${x(failing.map(describe).join('\n'))}</failure>`);
  }
  if (other.length > 0) body.push(`      <system-out>${x(other.map(describe).join('\n'))}</system-out>`);
  return [`    <testcase ${attrs}>`, ...body, '    </testcase>'].join('\n');
}

/**
 * The check report as JUnit XML for CI test reporters: a testsuite per template, a testcase per
 * resource that at least one rule checks (plus one for the stack when app rules reported on
 * it), and a failure for each resource with unacknowledged findings at the `--fail-on` level.
 * Findings below that level and acknowledged ones are listed in the testcase's system-out.
 */
export function formatCheckJunit(report: CheckReport, failOn: FailLevel): string {
  const suites: string[] = [];
  let total = 0;
  let totalFailures = 0;
  const byFile = groupBy(report.findings, (f) => f.file);
  report.templates.forEach((template, i) => {
    const index = report.indexes[i];
    const cases = new Map<string, Case>();
    for (const logicalId of index.logicalIds) {
      const type = index.typeOf(logicalId)!;
      if (report.rules.forType(type).length > 0) cases.set(logicalId, { name: `${logicalId} (${type})`, line: template.resourceLines.get(logicalId), findings: [] });
    }
    for (const f of byFile.get(template.file) ?? []) {
      const key = f.logicalId ?? '';
      if (!cases.has(key)) cases.set(key, { name: f.logicalId ? `${f.logicalId} (${f.resourceType})` : '(stack)', line: f.line, findings: [] });
      cases.get(key)!.findings.push(f);
    }
    const classname = template.stack.stackName ?? template.file;
    const failures = [...cases.values()].filter((c) => c.findings.some((f) => isFailing(f, failOn))).length;
    total += cases.size;
    totalFailures += failures;
    suites.push(
      [
        `  <testsuite name="${x(template.file)}" tests="${cases.size}" failures="${failures}" errors="0" skipped="0">`,
        ...(template.stack.stackName ? [`    <properties><property name="stack" value="${x(template.stack.stackName)}"/></properties>`] : []),
        ...[...cases.values()].map((c) => testcase(template.file, classname, c, failOn)),
        '  </testsuite>',
      ].join('\n'),
    );
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="dpp check" tests="${total}" failures="${totalFailures}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

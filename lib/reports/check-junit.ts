import type { CheckReport, FailLevel, ReportedFinding } from './check-report';
import { isFailing } from './check-report';
import { clauseLabel } from './clause-title';
import { formatReport, type CheckFormatter } from './check-stream-format';
import type { TemplateResult } from './template-result';
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
 * Written one template at a time; the header's counts come last.
 */
export class CheckJunitFormatter implements CheckFormatter {
  private total = 0;
  private totalFailures = 0;

  constructor(private readonly failOn: FailLevel) {}

  public template(result: TemplateResult): string {
    const cases = new Map<string, Case>();
    for (const r of result.checked) cases.set(r.logicalId, { name: `${r.logicalId} (${r.type})`, line: r.line, findings: [] });
    for (const f of result.findings) {
      const key = f.logicalId ?? '';
      if (!cases.has(key)) cases.set(key, { name: f.logicalId ? `${f.logicalId} (${f.resourceType})` : '(stack)', line: f.line, findings: [] });
      cases.get(key)!.findings.push(f);
    }
    const classname = result.stackName ?? result.file;
    const failures = [...cases.values()].filter((c) => c.findings.some((f) => isFailing(f, this.failOn))).length;
    this.total += cases.size;
    this.totalFailures += failures;
    const suite = [
      `  <testsuite name="${x(result.file)}" tests="${cases.size}" failures="${failures}" errors="0" skipped="0">`,
      ...(result.stackName ? [`    <properties><property name="stack" value="${x(result.stackName)}"/></properties>`] : []),
      ...[...cases.values()].map((c) => testcase(result.file, classname, c, this.failOn)),
      '  </testsuite>',
    ].join('\n');
    return `\n${suite}`;
  }

  public frame(): { head: string; tail: string } {
    return {
      head: ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="dpp check" tests="${this.total}" failures="${this.totalFailures}" errors="0">`].join('\n'),
      tail: '\n</testsuites>\n',
    };
  }
}

export function formatCheckJunit(report: CheckReport, failOn: FailLevel): string {
  return formatReport(new CheckJunitFormatter(failOn), report, failOn);
}

import { displayPlace } from '../loading/creation-locations';
import type { CheckReport, FailLevel, ReportedFinding } from './check-report';
import { isFailing, summarise } from './check-report';
import { clauseLabel } from './clause-title';
import { colours } from './colour';
import { groupBy } from './group-by';

/** `1 template`, `2 templates`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function where(f: ReportedFinding): string {
  const resource = f.logicalId ? `${f.logicalId} (${f.resourceType ?? 'unknown type'})` : 'the stack';
  const path = f.constructPath ? ` ${f.constructPath}` : '';
  return `${resource}${path}${f.line ? `, line ${f.line}` : ''}${f.source ? `, created at ${displayPlace(f.source.file, f.source.line)}` : ''}`;
}

/**
 * The check report for people: findings grouped by template and clause, each with its rule,
 * resource, line and message (the problem and the fix), notices, then a summary line.
 */
export function formatCheckText(report: CheckReport, options: { colour: boolean; failOn: FailLevel }): string {
  const c = colours(options.colour);
  const out: string[] = [];
  const byFile = groupBy(report.findings, (f) => f.file);
  for (const template of report.templates) {
    const findings = byFile.get(template.file);
    if (!findings) continue;
    out.push(c.bold(template.file) + (template.stack.stackName ? c.dim(` (stack ${template.stack.stackName})`) : ''));
    const byClause = groupBy(findings, (f) => f.clause);
    for (const clause of [...byClause.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))) {
      out.push(`  ${clauseLabel(clause)}`);
      for (const f of byClause.get(clause)!) {
        const label = f.acknowledged ? c.dim('acknowledged') : f.level === 'error' ? c.red('error') : c.yellow('warning');
        const marker = isFailing(f, options.failOn) ? '✖' : f.acknowledged ? '✓' : '!';
        out.push(`    ${marker} ${label} ${f.ruleId}  ${where(f)}`);
        out.push(`      ${f.message}`);
        if (f.acknowledgedReason) out.push(c.dim(`      acknowledged: ${f.acknowledgedReason}`));
      }
    }
    out.push('');
  }
  for (const notice of report.notices) out.push(c.yellow('note: ') + `${notice.template}: ${notice.message}`);
  if (report.notices.length > 0) out.push('');
  const s = summarise(report);
  const counts = `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${s.acknowledged} acknowledged`;
  const failed = report.findings.some((f) => isFailing(f, options.failOn));
  const head = `${plural(s.templates, 'template')}, ${plural(s.resources, 'resource')} checked against ${plural(report.rules.rules.length, 'DPP rule')}: `;
  out.push(head + (failed ? c.red(counts) : s.errors + s.warnings > 0 ? c.yellow(counts) : c.green(counts)));
  return `${out.join('\n')}\n`;
}

import { displayPlace } from '../loading/creation-locations';
import type { CheckReport, FailLevel, ReportedFinding } from './check-report';
import { isFailing } from './check-report';
import { formatReport, type CheckFormatter, type CheckTotals } from './check-stream-format';
import { clauseLabel } from './clause-title';
import { colours } from './colour';
import { groupBy } from './group-by';
import type { TemplateResult } from './template-result';

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
 * Written one template at a time.
 */
export class CheckTextFormatter implements CheckFormatter {
  constructor(
    private readonly options: { colour: boolean; failOn: FailLevel },
    private readonly ruleCount: number,
  ) {}

  public template(result: TemplateResult): string {
    if (result.findings.length === 0) return '';
    const c = colours(this.options.colour);
    const out: string[] = [];
    out.push(c.bold(result.file) + (result.stackName ? c.dim(` (stack ${result.stackName})`) : ''));
    const byClause = groupBy(result.findings, (f) => f.clause);
    for (const clause of [...byClause.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))) {
      out.push(`  ${clauseLabel(clause)}`);
      for (const f of byClause.get(clause)!) {
        const label = f.acknowledged ? c.dim('acknowledged') : f.level === 'error' ? c.red('error') : c.yellow('warning');
        const marker = isFailing(f, this.options.failOn) ? '✖' : f.acknowledged ? '✓' : '!';
        out.push(`    ${marker} ${label} ${f.ruleId}  ${where(f)}`);
        out.push(`      ${f.message}`);
        if (f.acknowledgedReason) out.push(c.dim(`      acknowledged: ${f.acknowledgedReason}`));
      }
    }
    out.push('');
    return lines(out);
  }

  public frame(totals: CheckTotals): { head: string; tail: string } {
    const c = colours(this.options.colour);
    const out: string[] = [];
    for (const notice of totals.notices) out.push(c.yellow('note: ') + `${notice.template}: ${notice.message}`);
    if (totals.notices.length > 0) out.push('');
    const counts = `${plural(totals.errors, 'error')}, ${plural(totals.warnings, 'warning')}, ${totals.acknowledged} acknowledged`;
    const head = `${plural(totals.templates, 'template')}, ${plural(totals.resources, 'resource')} checked against ${plural(this.ruleCount, 'DPP rule')}: `;
    out.push(head + (totals.failing ? c.red(counts) : totals.errors + totals.warnings > 0 ? c.yellow(counts) : c.green(counts)));
    return { head: '', tail: lines(out) };
  }
}

function lines(out: readonly string[]): string {
  return out.map((line) => `${line}\n`).join('');
}

export function formatCheckText(report: CheckReport, options: { colour: boolean; failOn: FailLevel }): string {
  return formatReport(new CheckTextFormatter(options, report.rules.rules.length), report, options.failOn);
}

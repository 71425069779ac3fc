import type { ClauseId } from '../checks/types';
import { displayPlace } from '../loading/creation-locations';
import type { CheckReport, FailLevel, ReportedFinding } from './check-report';
import { isFailing, summarise } from './check-report';
import { clauseLabel } from './clause-title';
import { plural } from './check-text';
import { groupBy } from './group-by';

/** Text in a Markdown table cell or list item: no line breaks, no table pipes, no HTML. */
function cell(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/\|/g, '\\|').replace(/</g, '&lt;');
}

/** Where a finding is: the app's source line when known (what a pull request's diff shows), else the template's. */
export function findingPlace(f: ReportedFinding): string {
  return f.source ? displayPlace(f.source.file, f.source.line) : displayPlace(f.file, f.line);
}

/** Options of {@link formatCheckMarkdown}. */
export interface CheckMarkdownOptions {
  readonly failOn: FailLevel;
  /**
   * The findings this change introduced (a compliance diff against the base branch's assembly).
   * @default - no base to compare with: every open finding is listed as new
   */
  readonly introduced?: readonly ReportedFinding[];
}

/**
 * The check report as a GitHub job summary (`$GITHUB_STEP_SUMMARY`): the verdict, counts per
 * clause (open errors, open warnings, acknowledged), the new findings with their place and fix, and
 * the notices.
 */
export function formatCheckMarkdown(report: CheckReport, options: CheckMarkdownOptions): string {
  const s = summarise(report);
  const failed = report.findings.some((f) => isFailing(f, options.failOn));
  const out: string[] = ['## DPP checks', ''];
  out.push(
    failed
      ? `**✖ Fails:** ${plural(s.errors, 'unacknowledged error')}${options.failOn === 'warning' ? ` and ${plural(s.warnings, 'warning')}` : ''} must be fixed or acknowledged with a reason.`
      : `**✔ Passes:** no unacknowledged ${options.failOn === 'warning' ? 'finding' : 'error'}.`,
    '',
    `${plural(s.templates, 'template')}, ${plural(s.resources, 'resource')} checked against ${plural(report.rules.rules.length, 'DPP rule')}: ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${s.acknowledged} acknowledged.`,
    '',
  );
  const byClause = groupBy(report.findings, (f) => f.clause);
  if (byClause.size > 0) {
    out.push('| Clause | Errors | Warnings | Acknowledged |', '| --- | ---: | ---: | ---: |');
    for (const clause of [...byClause.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })) as ClauseId[]) {
      const findings = byClause.get(clause)!;
      const open = findings.filter((f) => !f.acknowledged);
      out.push(`| ${clauseLabel(clause)} | ${open.filter((f) => f.level === 'error').length} | ${open.filter((f) => f.level === 'warning').length} | ${findings.length - open.length} |`);
    }
    out.push('');
  }
  const fresh = (options.introduced ?? report.findings).filter((f) => !f.acknowledged);
  out.push(options.introduced ? `### New findings (introduced by this change): ${fresh.length}` : `### Open findings: ${fresh.length}`, '');
  const rules = new Map(report.rules.rules.map((r) => [r.id, r]));
  for (const f of fresh) {
    const resource = f.logicalId ? `\`${f.constructPath ?? f.logicalId}\`` : `stack ${f.stackName ?? f.file}`;
    out.push(`- **${f.level}** \`${f.ruleId}\` (${clauseLabel(f.clause)}) at \`${findingPlace(f)}\`, ${resource}: ${cell(f.message.replace(/ Fix: .*$/, ''))}`);
    const fix = rules.get(f.ruleId)?.fix;
    if (fix) out.push(`  - Fix: ${cell(fix)}`);
  }
  if (fresh.length === 0) out.push('None.');
  if (report.notices.length > 0) {
    out.push('', '### Notes', '');
    for (const n of report.notices) out.push(`- ${cell(n.template)}: ${cell(n.message)}`);
  }
  return `${out.join('\n')}\n`;
}

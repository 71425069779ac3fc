import type { AuditReport } from '../types';
import { clauseLabel, isProcedural, summaryLine } from './summary';

/** The report for a terminal: findings with their fixes, what was not checked, and a summary line. */
export function formatText(report: AuditReport): string {
  const lines: string[] = [`dpp audit: account ${report.account}, ${report.generatedAt}`, ''];
  for (const f of report.findings) {
    lines.push(`${f.level.toUpperCase().padEnd(7)} ${f.checkId} (${clauseLabel(f.clause)}) ${f.subject}`);
    lines.push(`        ${f.message}`);
    lines.push(`        fix: ${f.fix}`);
  }
  if (report.findings.length === 0) lines.push('No findings.');
  const notRun = report.notChecked.filter((n) => !isProcedural(n));
  if (notRun.length > 0) {
    lines.push('', 'Not checked:');
    for (const n of notRun) lines.push(`  ${n.check}: ${n.reason}`);
  }
  const procedural = report.notChecked.filter(isProcedural);
  if (procedural.length > 0) {
    lines.push('', 'Procedural (IAM cannot enforce these; never a pass):');
    for (const n of procedural) lines.push(`  ${n.check}: ${n.reason.replace(/^procedural:\s*/, '')}`);
  }
  const r = report.accessReview;
  lines.push('', `Access review: ${r.users.length} users, ${r.groups.length} groups, ${r.roles.length} roles (--format markdown or json for the full review).`);
  lines.push(`Summary: ${summaryLine(report)}.`);
  return `${lines.join('\n')}\n`;
}

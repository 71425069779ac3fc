import type { ClauseId } from '../checks/types';
import type { ReportedFinding } from '../reports/check-report';
import { clauseLabel } from '../reports/clause-title';
import { colours } from '../reports/colour';
import { groupBy } from '../reports/group-by';
import type { ComplianceDiff } from './compliance-diff';
import type { TemplateChange } from './template-diff';

function byClause(findings: readonly ReportedFinding[]): Array<[ClauseId, ReportedFinding[]]> {
  return [...groupBy(findings, (f) => f.clause)].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
}

function line(f: ReportedFinding, note = ''): string {
  const status = f.acknowledged ? `acknowledged: ${f.acknowledgedReason}` : f.level;
  const where = f.logicalId ? `${f.logicalId} (${f.resourceType})` : 'the stack';
  return `      ${f.ruleId}  ${where} in ${f.stackName ?? f.file} [${status}]${note}\n        ${f.message}`;
}

/**
 * The compliance diff for people: findings introduced, resolved and unchanged, each grouped by
 * clause, then the template diff of each stack as `cdk diff` prints it.
 */
export function formatDiffText(diff: ComplianceDiff, changes: readonly TemplateChange[], colour: boolean): string {
  const c = colours(colour);
  const out: string[] = [];
  const section = (title: string, findings: readonly ReportedFinding[], paint: (s: string) => string, note?: (f: ReportedFinding) => string) => {
    out.push(c.bold(`${title} (${findings.length})`));
    if (findings.length === 0) out.push('  none');
    for (const [clause, list] of byClause(findings)) {
      out.push(`  ${clauseLabel(clause)}`);
      for (const f of list) out.push(paint(line(f, note?.(f) ?? '')));
    }
    out.push('');
  };
  section('Findings introduced', diff.introduced, (s) => c.red(s));
  section('Findings resolved', diff.resolved, (s) => c.green(s));
  const withdrawn = new Set(diff.unchanged.filter((u) => u.before.acknowledged && !u.after.acknowledged).map((u) => u.after));
  section('Findings unchanged', diff.unchanged.map((u) => u.after), (s) => c.dim(s), (f) => (withdrawn.has(f) ? ' (acknowledgment withdrawn)' : ''));
  const errors = diff.introduced.filter((f) => !f.acknowledged && f.level === 'error').length;
  out.push(`${diff.introduced.length} introduced (${errors} unacknowledged error${errors === 1 ? '' : 's'}), ${diff.resolved.length} resolved, ${diff.unchanged.length} unchanged${withdrawn.size > 0 ? `, ${withdrawn.size} acknowledgment${withdrawn.size === 1 ? '' : 's'} withdrawn` : ''}`, '');
  out.push(c.bold('Template diff'));
  const changed = changes.filter((t) => t.differences > 0);
  if (changed.length === 0) out.push('  no differences');
  for (const change of changed) out.push(c.bold(`Stack ${change.name}`), change.text.trimEnd(), '');
  return `${out.join('\n').trimEnd()}\n`;
}

import { clause } from '../../checks/catalogue';
import type { ClauseId } from '../../checks/types';
import type { AuditReport, NotChecked } from '../types';

/** `DPP 2.4 Credential Management`: how findings and docs cite a clause. */
export function clauseLabel(id: ClauseId): string {
  return `DPP ${id} ${clause(id).title}`;
}

export const isProcedural = (item: NotChecked): boolean => item.reason.startsWith('procedural:');

/** Counts for summary lines. */
export function counts(report: AuditReport): { errors: number; warnings: number; notChecked: number; procedural: number } {
  return {
    errors: report.findings.filter((f) => f.level === 'error').length,
    warnings: report.findings.filter((f) => f.level === 'warning').length,
    notChecked: report.notChecked.filter((n) => !isProcedural(n)).length,
    procedural: report.notChecked.filter(isProcedural).length,
  };
}

/** `3 errors, 1 warning, 2 checks not run`. */
export function summaryLine(report: AuditReport): string {
  const c = counts(report);
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}, ${plural(c.notChecked, 'check')} not run, ${plural(c.procedural, 'procedural item')}`;
}

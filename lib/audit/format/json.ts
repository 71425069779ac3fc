import type { AuditReport } from '../types';

/** The report as JSON (`version: 1`), the shape documented in the README. */
export function formatJson(report: AuditReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

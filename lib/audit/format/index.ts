import type { AuditReport } from '../types';
import { formatJson } from './json';
import { formatMarkdown } from './markdown';
import { formatText } from './text';

export const AUDIT_FORMATS = ['text', 'json', 'markdown'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

/** Renders the report in one of the audit's formats. */
export function formatAuditReport(report: AuditReport, format: AuditFormat): string {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'markdown':
      return formatMarkdown(report);
    case 'text':
      return formatText(report);
  }
}

export { formatJson, formatMarkdown, formatText };
export { summaryLine } from './summary';
export { formatOrgAuditReport, orgSummaryLine } from './organization';

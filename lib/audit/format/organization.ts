import type { OrgAccountResult, OrgAuditReport } from '../organization';
import type { AuditFormat } from './index';
import { formatMarkdown } from './markdown';
import { summaryLine } from './summary';
import { formatText } from './text';

const title = (a: OrgAccountResult): string => `account ${a.account}${a.name ? ` (${a.name})` : ''}`;

/** `2 accounts audited, 1 could not be audited, 1 not active`. */
export function orgSummaryLine(report: OrgAuditReport): string {
  const audited = report.accounts.filter((a) => a.status === 'audited').length;
  const unreachable = report.accounts.length - audited;
  return `${audited} account${audited === 1 ? '' : 's'} audited, ${unreachable} could not be audited, ${report.skipped.length} not active`;
}

function orgText(report: OrgAuditReport): string {
  const out: string[] = [`dpp audit --org: ${report.accounts.length} active accounts through role ${report.roleName}, ${report.generatedAt}`, ''];
  for (const a of report.accounts) {
    out.push(`=== ${title(a)} ===`);
    out.push(a.status === 'audited' ? formatText(a.report) : `NOT AUDITED: ${a.reason}\n`);
  }
  for (const s of report.skipped) out.push(`not active, not audited: account ${s.account}${s.name ? ` (${s.name})` : ''}: ${s.status}`);
  if (report.skipped.length > 0) out.push('');
  out.push(`Organization: ${orgSummaryLine(report)}.`);
  return `${out.join('\n')}\n`;
}

/** A single-account Markdown report as a section: its headings one level down. */
function section(markdown: string): string {
  return markdown.replace(/^(#{1,5}) /gm, '#$1 ');
}

function orgMarkdown(report: OrgAuditReport): string {
  const out: string[] = [
    `# DPP IAM audit across the organization`,
    '',
    `Generated ${report.generatedAt} by \`dpp audit --org\` through role \`${report.roleName}\` in each account.`,
    '',
    `**Summary:** ${orgSummaryLine(report)}.`,
    '',
    '| Account | Name | Result |',
    '| --- | --- | --- |',
    ...report.accounts.map((a) => `| ${a.account} | ${a.name.replace(/\|/g, '\\|') || '—'} | ${a.status === 'audited' ? summaryLine(a.report) : `not audited: ${a.reason.replace(/\|/g, '\\|')}`} |`),
    ...report.skipped.map((s) => `| ${s.account} | ${s.name.replace(/\|/g, '\\|') || '—'} | not active (${s.status}), not audited |`),
    '',
  ];
  for (const a of report.accounts) {
    if (a.status === 'audited') out.push(section(formatMarkdown(a.report)));
    else out.push(`## ${title(a)}: not audited`, '', a.reason, '');
  }
  return `${out.join('\n')}`;
}

/** The organization report in one of the audit's formats: a section per account. */
export function formatOrgAuditReport(report: OrgAuditReport, format: AuditFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'markdown':
      return orgMarkdown(report);
    case 'text':
      return orgText(report);
  }
}

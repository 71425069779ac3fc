import type { ReviewPolicy, UseRecord } from '../access-review';
import type { AuditReport } from '../types';
import { clauseLabel, isProcedural, summaryLine } from './summary';

/** A table cell: pipes escaped, line breaks flattened, empty shown as a dash. */
function cell(text: string): string {
  const flat = text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').trim();
  return flat === '' ? '—' : flat;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

const date = (value: string | null): string => (value ? value.slice(0, 10) : 'unknown');
const used = (value: UseRecord): string => (value === 'never' ? 'never' : date(value));
const yesNo = (value: boolean | null): string => (value === null ? 'unknown' : value ? 'yes' : 'no');

function policyList(attached: readonly ReviewPolicy[], inline: readonly string[]): string {
  return [...attached.map((p) => p.name), ...inline.map((name) => `${name} (inline)`)].join(', ');
}

/**
 * The report as Markdown: findings, what was not checked, the procedural items, and the access review (DPP 2.2
 * Access Management) with a sign-off block, ready to file as the quarterly review's evidence.
 */
export function formatMarkdown(report: AuditReport): string {
  const r = report.accessReview;
  const out: string[] = [
    `# DPP IAM audit and access review: account ${report.account}`,
    '',
    `Generated ${report.generatedAt} by \`dpp audit\`${r.credentialReportGeneratedAt ? `; IAM credential report of ${r.credentialReportGeneratedAt}` : ''}.`,
    '',
    `**Summary:** ${summaryLine(report)}.`,
    '',
    '## Findings',
    '',
  ];
  if (report.findings.length === 0) out.push('No findings.');
  else {
    out.push(...table(['Level', 'Check', 'Clause', 'Subject', 'Finding', 'Fix'], report.findings.map((f) => [f.level, f.checkId, clauseLabel(f.clause), `\`${f.subject}\``, f.message, f.fix])));
  }
  const notRun = report.notChecked.filter((n) => !isProcedural(n));
  out.push('', '## Not checked', '');
  if (notRun.length === 0) out.push('Every check ran.');
  else out.push(...table(['Check', 'Reason'], notRun.map((n) => [n.check, n.reason])));
  out.push('', '## Procedural items (IAM cannot enforce these; they are never reported as passes)', '');
  out.push(...table(['Item', 'What to do'], report.notChecked.filter(isProcedural).map((n) => [n.check, n.reason.replace(/^procedural:\s*/, '')])));

  out.push('', `## Access review (${clauseLabel('2.2')})`, '');
  if (r.gaps.length > 0) {
    out.push('**Incomplete:**', '', ...r.gaps.map((g) => `- ${g}`), '');
  }
  out.push(`### Users (${r.users.length})`, '');
  out.push(...table(
    ['User', 'Groups', 'Policies attached to the user', 'Console', 'MFA', 'Password last used', 'Access keys', 'Last activity'],
    r.users.map((u) => [
      u.name,
      u.groups.join(', '),
      policyList(u.attachedPolicies, u.inlinePolicies),
      yesNo(u.consoleAccess),
      yesNo(u.mfaActive),
      u.consoleAccess === false ? '—' : used(u.passwordLastUsed),
      u.accessKeys.map((k) => `key ${k.key} ${k.active ? 'active' : 'inactive'}, created ${date(k.created)}, last used ${used(k.lastUsed)}`).join('; '),
      used(u.lastActivity),
    ]),
  ));
  out.push('', `### Groups (${r.groups.length})`, '');
  out.push(...table(['Group', 'Members', 'Policies'], r.groups.map((g) => [g.name, g.members.join(', '), policyList(g.attachedPolicies, g.inlinePolicies)])));
  out.push('', `### Roles (${r.roles.length})`, '');
  out.push(...table(
    ['Role', 'Who may assume it', 'Policies', 'Last used'],
    r.roles.map((role) => [
      role.path === '/' ? role.name : `${role.path}${role.name}`,
      role.assumableBy.map((p) => `${p.type}: ${p.id}${p.conditional ? ' (with conditions)' : ''}`).join(', '),
      policyList(role.attachedPolicies, role.inlinePolicies),
      date(role.lastUsed),
    ]),
  ));
  out.push('', '## Sign-off', '', 'Reviewed by: ____________________  Date: ____________', '', 'Access removed or changed as a result of this review: ____________________', '');
  return out.join('\n');
}

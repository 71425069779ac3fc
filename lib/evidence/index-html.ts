import type { ClauseId } from '../checks/types';
import type { ReportedFinding } from '../reports/check-report';
import type { Summary } from '../reports/check-report';
import { plural } from '../reports/check-text';
import type { Coverage } from '../reports/coverage';
import { groupBy } from '../reports/group-by';
import { htmlPage, stampHtml, type ReportStamp } from '../reports/html';
import { VERDICT_LABEL, type Verdict } from '../reports/verdict';
import { escapeHtml as h } from '../reports/xml';
import type { AccessReviewInput } from './access-review-input';
import { PROCEDURAL_DOCUMENTS } from './documents';
import type { EvidenceProfile } from './profile';

/**
 * Rows shown per clause (findings, acknowledgments) and in the access review: the page stays
 * small with thousands of findings; the files of the pack hold every one.
 */
export const ROWS_SHOWN_PER_GROUP = 100;

/** What the index page shows. */
export interface IndexPage {
  readonly stamp: ReportStamp;
  readonly profile: EvidenceProfile;
  readonly summary: Summary;
  readonly ruleCount: number;
  readonly coverage: Coverage;
  readonly verdicts: ReadonlyMap<ClauseId, Verdict>;
  readonly overall: Verdict;
  readonly findings: readonly ReportedFinding[];
  readonly accessReview?: AccessReviewInput;
  /** Every file of the pack (except the manifest and this page), with a description. */
  readonly files: ReadonlyArray<readonly [string, string]>;
}

function overallSentence(page: IndexPage): string {
  const { errors, warnings, acknowledged } = page.summary;
  const auditErrors = page.accessReview?.report.findings.filter((f) => f.level === 'error').length ?? 0;
  const failing = page.coverage.clauses.filter((c) => page.verdicts.get(c.id) === 'fail').map((c) => c.id);
  const parts = [`${plural(errors, 'unacknowledged error')}, ${plural(warnings, 'warning')}, ${acknowledged} acknowledged`];
  if (page.accessReview) parts.push(`${plural(auditErrors, 'access-review error')}`);
  if (failing.length > 0) parts.push(`failing clause${failing.length === 1 ? '' : 's'}: ${failing.join(', ')}`);
  return parts.join('; ');
}

/** A clause's access-review findings: `1 error, 2 warnings`, or `—`. */
function auditCell(findings: ReadonlyArray<{ readonly level: string }>): string {
  const errors = findings.filter((f) => f.level === 'error').length;
  if (findings.length === 0) return '—';
  return `${plural(errors, 'error')}, ${plural(findings.length - errors, 'warning')}`;
}

function clauseTable(page: IndexPage, byClause: ReadonlyMap<ClauseId, readonly ReportedFinding[]>): string {
  const review = page.accessReview?.report.findings;
  const rows = page.coverage.clauses.map((c) => {
    const findings = byClause.get(c.id) ?? [];
    const open = findings.filter((f) => !f.acknowledged);
    const verdict = page.verdicts.get(c.id)!;
    const evidence = PROCEDURAL_DOCUMENTS.filter((d) => d.clause === c.id).map((d) => `<a href="${h(d.output)}">${h(d.output.replace(/^documents\//, ''))}</a>`).join(', ');
    const audited = review ? `<td>${auditCell(review.filter((f) => f.clause === c.id))}</td>` : '';
    return `<tr><th scope="row">${open.length > 0 ? `<a href="#clause-${c.id}">${c.id}</a>` : c.id} ${h(c.title)}</th><td class="v-${verdict}">${VERDICT_LABEL[verdict]}</td><td class="${c.status}">${c.status}</td><td>${c.rules.length}</td><td>${open.filter((f) => f.level === 'error').length}</td><td>${open.filter((f) => f.level === 'warning').length}</td><td>${findings.length - open.length}</td>${audited}<td>${evidence || '—'}</td></tr>`;
  });
  return `<table><caption>Verdict by clause</caption><thead><tr><th scope="col">Clause</th><th scope="col">Verdict</th><th scope="col">Coverage</th><th scope="col">Rules</th><th scope="col">Errors</th><th scope="col">Warnings</th><th scope="col">Acknowledged</th>${review ? '<th scope="col">Access review</th>' : ''}<th scope="col">Documents</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

function where(f: ReportedFinding): string {
  return `<td><code>${h(f.logicalId ?? '(the stack)')}</code>${f.resourceType ? `<br><small>${h(f.resourceType)}</small>` : ''}</td><td><code>${h(f.file)}</code></td><td>${f.line ?? '—'}</td>`;
}

function moreRow(total: number, columns: number, file: string): string {
  return total > ROWS_SHOWN_PER_GROUP ? `<tr><td colspan="${columns}">and ${total - ROWS_SHOWN_PER_GROUP} more: see <a href="${file}">${file}</a></td></tr>` : '';
}

function findingsSection(page: IndexPage, byClause: ReadonlyMap<ClauseId, readonly ReportedFinding[]>): string {
  const groups = page.coverage.clauses
    .map((c) => [c, (byClause.get(c.id) ?? []).filter((f) => !f.acknowledged)] as const)
    .filter(([, open]) => open.length > 0)
    .map(([c, open]) => {
      const rows = open.slice(0, ROWS_SHOWN_PER_GROUP).map(
        (f) => `<tr><td class="${f.level === 'error' ? 'failed' : 'warned'}">${f.level}</td><td><code>${h(f.ruleId)}</code></td>${where(f)}<td>${h(f.message)}</td></tr>`,
      );
      return `<section id="clause-${c.id}" aria-labelledby="clause-${c.id}-title"><h3 id="clause-${c.id}-title">DPP ${c.id} ${h(c.title)}: ${plural(open.length, 'finding')}</h3>
<table><thead><tr><th scope="col">Level</th><th scope="col">Rule</th><th scope="col">Resource</th><th scope="col">Template</th><th scope="col">Line</th><th scope="col">Finding and fix</th></tr></thead>
<tbody>${rows.join('\n')}${moreRow(open.length, 6, 'findings/check.json')}</tbody></table></section>`;
    });
  return `<section aria-labelledby="findings-title"><h2 id="findings-title">Unacknowledged findings</h2>
${groups.length > 0 ? groups.join('\n') : '<p>None: every automated check passed or is acknowledged.</p>'}</section>`;
}

function acknowledgmentsSection(findings: readonly ReportedFinding[]): string {
  const acknowledged = findings.filter((f) => f.acknowledged);
  const groups = [...groupBy(acknowledged, (f) => f.clause)].map(([clause, list]) => {
    const rows = list.slice(0, ROWS_SHOWN_PER_GROUP).map((f) => `<tr><td><code>${h(f.ruleId)}</code></td>${where(f)}<td>${h(f.acknowledgedReason ?? '')}</td></tr>`);
    return `<h3>DPP ${clause}: ${list.length} acknowledged</h3>
<table><thead><tr><th scope="col">Rule</th><th scope="col">Resource</th><th scope="col">Template</th><th scope="col">Line</th><th scope="col">Reason</th></tr></thead>
<tbody>${rows.join('\n')}${moreRow(list.length, 5, 'acknowledgments.md')}</tbody></table>`;
  });
  return `<section aria-labelledby="acknowledgments-title"><h2 id="acknowledgments-title">Acknowledgments</h2>
${groups.length > 0 ? groups.join('\n') : '<p>None: no finding is acknowledged.</p>'}</section>`;
}

function accessReviewSection(review: AccessReviewInput | undefined): string {
  if (!review) {
    return '<section aria-labelledby="access-title"><h2 id="access-title">Access review</h2><p>Not included: run <code>dpp audit --format json</code> against each account and pass it with <code>--access-review</code>.</p></section>';
  }
  const r = review.report;
  const rows = r.findings.slice(0, ROWS_SHOWN_PER_GROUP).map(
    (f) => `<tr><td class="${f.level === 'error' ? 'failed' : 'warned'}">${f.level}</td><td><code>${h(f.checkId)}</code></td><td>${h(f.subject)}</td><td>${h(f.message)}</td></tr>`,
  );
  return `<section aria-labelledby="access-title"><h2 id="access-title">Access review</h2>
<p>Account ${h(r.account)}, audited ${h(r.generatedAt)}: ${plural(r.accessReview.users.length, 'user')}, ${plural(r.accessReview.groups.length, 'group')}, ${plural(r.accessReview.roles.length, 'role')}; ${plural(r.findings.length, 'finding')}, ${plural(r.notChecked.length, 'check')} not run. Full review: <a href="access-review/access-review.json">access-review/access-review.json</a>.</p>
${rows.length > 0 ? `<table><thead><tr><th scope="col">Level</th><th scope="col">Check</th><th scope="col">Subject</th><th scope="col">Finding</th></tr></thead><tbody>${rows.join('\n')}${moreRow(r.findings.length, 4, 'access-review/access-review.json')}</tbody></table>` : ''}</section>`;
}

/** `index.html`: the verdict first, then clauses, findings, acknowledgments, the access review and the files. */
export function formatIndexHtml(page: IndexPage): string {
  const byClause = groupBy(page.findings, (f) => f.clause);
  const { summary } = page;
  const header = `<header>
<h1>DPP evidence pack</h1>
<p class="verdict v-${page.overall}" role="status"><strong>${page.overall === 'pass' ? 'Passes' : VERDICT_LABEL[page.overall]}</strong> — ${h(overallSentence(page))}</p>
${stampHtml(page.stamp, [
    ['Policy profile', page.profile.name],
    ['Checked', `${plural(summary.templates, 'template')}, ${plural(summary.resources, 'resource')}, ${page.ruleCount} DPP rules`],
  ])}
<p>“Passes” means every automated check passed or is acknowledged with a reason; the procedural items of each clause are evidenced by the documents of this pack, which must be filled in and kept current.</p>
</header>
<nav aria-label="Sections"><ul><li><a href="#clauses-title">Verdict by clause</a></li><li><a href="#findings-title">Unacknowledged findings</a></li><li><a href="#acknowledgments-title">Acknowledgments</a></li><li><a href="#access-title">Access review</a></li><li><a href="#files-title">Files</a></li></ul></nav>`;
  const files = page.files.map(([file, what]) => `<li><a href="${h(file)}">${h(file)}</a> — ${h(what)}</li>`);
  return htmlPage('DPP evidence pack', `${header}
<main id="main">
<section aria-labelledby="clauses-title"><h2 id="clauses-title">Verdict by clause</h2>
<p>${plural(summary.errors, 'unacknowledged error')}, ${plural(summary.warnings, 'unacknowledged warning')} (values only known at deploy time, or controls not checked here), ${summary.acknowledged} acknowledged.</p>
${clauseTable(page, byClause)}</section>
${findingsSection(page, byClause)}
${acknowledgmentsSection(page.findings)}
${accessReviewSection(page.accessReview)}
<section aria-labelledby="files-title"><h2 id="files-title">Files</h2><p>Every file's SHA-256 is in <a href="manifest.json">manifest.json</a>.</p><ul>${files.join('')}</ul></section>
</main>
<footer><p>Generated by dpp-baseline ${h(page.stamp.version)}. Clauses are cited by number and title; the policy text is not reproduced.</p></footer>`);
}

import type { Coverage, CoverageClause, CoverageRule } from './coverage';
import { htmlPage, inlineMarkup, stampHtml, type ReportStamp } from './html';
import { clauseVerdicts, overallVerdict, VERDICT_LABEL } from './verdict';
import { escapeHtml as h } from './xml';

export function formatCoverageJson(matrix: Coverage): string {
  return `${JSON.stringify(matrix, null, 2)}\n`;
}

/** `|` would end a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function counts(clause: CoverageClause): string {
  const r = clause.results;
  if (!r) return '';
  return ` ${r.passed.length} | ${r.failed.length} | ${r.warned.length} | ${r.acknowledged.length} |`;
}

function ruleLine(rule: CoverageRule): string {
  const outcome = rule.outcome ? ` — **${rule.outcome}**` : '';
  return `- \`${rule.id}\` (${rule.level}): ${rule.description}${outcome}`;
}

/** The matrix as Markdown: a summary table, then one section per clause. */
export function formatCoverageMarkdown(matrix: Coverage): string {
  const checked = matrix.templates !== undefined;
  const out: string[] = ['# DPP clause coverage', '', `Profile: \`${matrix.profile.name}\`${matrix.profile.name === matrix.profile.base ? '' : ` (extends \`${matrix.profile.base}\`)`}`, ''];
  if (checked) out.push(`Checked: ${matrix.templates!.map((t) => `\`${t}\``).join(', ')}`, '');
  out.push(
    `| Clause | Title | Status | Rules | Constructs |${checked ? ' Passed | Failed | Warned | Acknowledged |' : ''}`,
    `|---|---|---|---|---|${checked ? '---|---|---|---|' : ''}`,
  );
  for (const c of matrix.clauses) {
    out.push(`| ${c.id} | ${cell(c.title)} | ${c.status} | ${c.rules.length} | ${cell(c.constructs.join(', ') || '—')} |${counts(c)}`);
  }
  for (const c of matrix.clauses) {
    out.push('', `## ${c.id} ${c.title} (${c.status})`, '');
    out.push(c.rules.length > 0 ? '**Rules**' : '**Rules**: none (no template can prove this clause)', '');
    if (c.rules.length > 0) out.push(...c.rules.map(ruleLine), '');
    out.push(`**Provisioned by**: ${c.constructs.length > 0 ? c.constructs.map((x) => `\`${x}\``).join(', ') : 'nothing (procedural)'}`, '');
    if (c.procedural.length > 0) {
      out.push('**Procedural**', '', ...c.procedural.map((p) => `- ${p.item} — covered by ${p.coveredBy}`));
    }
  }
  return `${out.join('\n')}\n`;
}

/** Failing resources listed per rule on the page; the rest are counted (the JSON has them all). */
export const FAILING_SHOWN_PER_RULE = 20;

/** What the coverage page adds around the matrix. */
export interface CoverageHtmlOptions {
  /** Date, tool version and commit for the header; without it the page has none. */
  readonly stamp?: ReportStamp;
  /** Document paths (`docs/x.md`) that exist beside the page, and where: only these are linked. */
  readonly links?: ReadonlyMap<string, string>;
}

function failingHtml(rule: CoverageRule): string {
  const failing = rule.failing ?? [];
  if (failing.length === 0) return '';
  const items = failing
    .slice(0, FAILING_SHOWN_PER_RULE)
    .map((f) => `<li><code>${h(f.logicalId ?? '(the stack)')}</code> in <code>${h(f.template)}</code>${f.line !== null ? `, line ${f.line}` : ''}</li>`);
  const more = failing.length > FAILING_SHOWN_PER_RULE ? `<li>and ${failing.length - FAILING_SHOWN_PER_RULE} more (see the JSON)</li>` : '';
  return `<ul aria-label="Failing resources of ${h(rule.id)}">${items.join('')}${more}</ul>`;
}

function htmlRules(rules: readonly CoverageRule[]): string {
  if (rules.length === 0) return '<p>No rules: no template can prove this clause.</p>';
  const items = rules.map(
    (r) => `<li><code>${h(r.id)}</code> (${r.level}): ${h(r.description)}${r.outcome ? ` — <span class="${r.outcome}">${r.outcome}</span>` : ''}${failingHtml(r)}</li>`,
  );
  return `<ul>${items.join('')}</ul>`;
}

function verdictHtml(matrix: Coverage): string {
  const verdicts = clauseVerdicts(matrix.clauses);
  const overall = overallVerdict(verdicts.values());
  const failing = matrix.clauses.filter((c) => verdicts.get(c.id) === 'fail').map((c) => c.id);
  const detail = failing.length > 0 ? `: clause${failing.length === 1 ? '' : 's'} ${failing.join(', ')} fail` : overall === 'review' ? ': warnings (values only known at deploy time, or controls not checked here) need review' : ': every automated check passed or is acknowledged';
  return `<p class="verdict v-${overall}" role="status"><strong>${VERDICT_LABEL[overall]}</strong>${h(detail)}</p>`;
}

/**
 * The matrix as one self-contained HTML page (inline style, no scripts, nothing fetched): with
 * checked templates, the verdict first and the failing resources of each failed rule.
 */
export function formatCoverageHtml(matrix: Coverage, options: CoverageHtmlOptions = {}): string {
  const checked = matrix.templates !== undefined;
  const links = options.links;
  const verdicts = checked ? clauseVerdicts(matrix.clauses) : undefined;
  const rows = matrix.clauses.map((c) => {
    const r = c.results;
    const results = r ? `<td>${r.passed.length}</td><td class="${r.failed.length > 0 ? 'failed' : ''}">${r.failed.length}</td><td>${r.warned.length}</td><td>${r.acknowledged.length}</td>` : '';
    const verdict = verdicts ? `<td class="v-${verdicts.get(c.id)}">${VERDICT_LABEL[verdicts.get(c.id)!]}</td>` : '';
    return `<tr><th scope="row"><a href="#clause-${c.id}">${c.id}</a></th><td>${h(c.title)}</td><td class="${c.status}">${c.status}</td>${verdict}<td>${c.rules.length}</td><td>${h(c.constructs.join(', ') || '—')}</td>${results}</tr>`;
  });
  const sections = matrix.clauses.map(
    (c) => `<section id="clause-${c.id}" aria-labelledby="clause-${c.id}-title"><h2 id="clause-${c.id}-title">${c.id} ${h(c.title)} <small class="${c.status}">${c.status}</small></h2>
<h3>Rules</h3>${htmlRules(c.rules)}
<h3>Provisioned by</h3><p>${c.constructs.length > 0 ? c.constructs.map((x) => `<code>${h(x)}</code>`).join(', ') : 'nothing (procedural)'}</p>
${c.procedural.length > 0 ? `<h3>Procedural</h3><ul>${c.procedural.map((p) => `<li>${inlineMarkup(p.item, links)} — covered by ${inlineMarkup(p.coveredBy, links)}</li>`).join('')}</ul>` : ''}</section>`,
  );
  const profile = `<p>Profile: <code>${h(matrix.profile.name)}</code>${matrix.profile.name === matrix.profile.base ? '' : ` (extends <code>${h(matrix.profile.base)}</code>)`}</p>`;
  const header = `<header><h1>DPP clause coverage</h1>
${checked ? verdictHtml(matrix) : ''}
${options.stamp ? stampHtml(options.stamp) : ''}
${profile}
${checked ? `<p>Checked: ${matrix.templates!.map((t) => `<code>${h(t)}</code>`).join(', ')}</p>` : ''}</header>`;
  return htmlPage('DPP clause coverage', `${header}
<main id="main">
<table><caption>Clauses 2.1 to 3.7</caption><thead><tr><th scope="col">Clause</th><th scope="col">Title</th><th scope="col">Status</th>${checked ? '<th scope="col">Verdict</th>' : ''}<th scope="col">Rules</th><th scope="col">Constructs</th>${checked ? '<th scope="col">Passed</th><th scope="col">Failed</th><th scope="col">Warned</th><th scope="col">Acknowledged</th>' : ''}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
${sections.join('\n')}
</main>`);
}

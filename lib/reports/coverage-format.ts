import type { Coverage, CoverageClause, CoverageRule } from './coverage';
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

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1f24}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}code{font-size:90%;background:#f6f8fa;padding:0 .2rem;border-radius:3px}
.automated{color:#1a7f37}.partial{color:#9a6700}.procedural{color:#57606a}
.passed{color:#1a7f37}.failed{color:#cf222e;font-weight:600}.warned{color:#9a6700}.acknowledged,.not-applicable{color:#57606a}
section{border-top:1px solid #d0d7de;margin-top:1.5rem}`;

function htmlRules(rules: readonly CoverageRule[]): string {
  if (rules.length === 0) return '<p>No rules: no template can prove this clause.</p>';
  const items = rules.map(
    (r) => `<li><code>${h(r.id)}</code> (${r.level}): ${h(r.description)}${r.outcome ? ` — <span class="${r.outcome}">${r.outcome}</span>` : ''}</li>`,
  );
  return `<ul>${items.join('')}</ul>`;
}

/** The matrix as one self-contained HTML page (inline style, no scripts, nothing fetched). */
export function formatCoverageHtml(matrix: Coverage): string {
  const checked = matrix.templates !== undefined;
  const rows = matrix.clauses.map((c) => {
    const r = c.results;
    const results = r ? `<td>${r.passed.length}</td><td class="${r.failed.length > 0 ? 'failed' : ''}">${r.failed.length}</td><td>${r.warned.length}</td><td>${r.acknowledged.length}</td>` : '';
    return `<tr><td><a href="#clause-${c.id}">${c.id}</a></td><td>${h(c.title)}</td><td class="${c.status}">${c.status}</td><td>${c.rules.length}</td><td>${h(c.constructs.join(', ') || '—')}</td>${results}</tr>`;
  });
  const sections = matrix.clauses.map(
    (c) => `<section id="clause-${c.id}"><h2>${c.id} ${h(c.title)} <small class="${c.status}">${c.status}</small></h2>
<h3>Rules</h3>${htmlRules(c.rules)}
<h3>Provisioned by</h3><p>${c.constructs.length > 0 ? c.constructs.map((x) => `<code>${h(x)}</code>`).join(', ') : 'nothing (procedural)'}</p>
${c.procedural.length > 0 ? `<h3>Procedural</h3><ul>${c.procedural.map((p) => `<li>${h(p.item)} — covered by ${h(p.coveredBy)}</li>`).join('')}</ul>` : ''}</section>`,
  );
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>DPP clause coverage</title><style>${STYLE}</style></head>
<body>
<h1>DPP clause coverage</h1>
<p>Profile: <code>${h(matrix.profile.name)}</code>${matrix.profile.name === matrix.profile.base ? '' : ` (extends <code>${h(matrix.profile.base)}</code>)`}</p>
${checked ? `<p>Checked: ${matrix.templates!.map((t) => `<code>${h(t)}</code>`).join(', ')}</p>` : ''}
<table><thead><tr><th>Clause</th><th>Title</th><th>Status</th><th>Rules</th><th>Constructs</th>${checked ? '<th>Passed</th><th>Failed</th><th>Warned</th><th>Acknowledged</th>' : ''}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
${sections.join('\n')}
</body>
</html>
`;
}

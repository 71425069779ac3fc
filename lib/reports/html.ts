import { escapeHtml as h } from './xml';

/**
 * Shared pieces of the self-contained HTML reports (coverage page, evidence index): one inline
 * style sheet with print rules, no scripts, nothing fetched, so a page opens offline, prints to
 * PDF and reads in a screen reader. Colours keep a contrast of at least 4.5:1 on white (WCAG 2.1 AA).
 */
export const REPORT_STYLE = `:root{color-scheme:light}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:75rem;padding:0 1rem 2rem;color:#1b1f24;background:#fff}
a{color:#0550ae}a:focus-visible,summary:focus-visible{outline:3px solid #0550ae;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:1}
table{border-collapse:collapse;width:100%;margin:.75rem 0}th,td{border:1px solid #8c959f;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#eaeef2}caption{text-align:left;font-weight:600;padding:.25rem 0}
code{font:90% ui-monospace,SFMono-Regular,Menlo,monospace;background:#eaeef2;padding:0 .2rem;border-radius:3px;overflow-wrap:anywhere}
.verdict{border:3px solid;border-radius:6px;padding:.75rem 1rem;margin:1rem 0;font-size:1.2rem}
.verdict strong{font-size:1.5rem}
.v-fail{color:#a40e26}.v-review{color:#7d4e00}.v-pass{color:#116329}.v-procedural{color:#424a53}.verdict.v-fail{border-color:#a40e26}.verdict.v-review{border-color:#7d4e00}.verdict.v-pass{border-color:#116329}.verdict.v-procedural{border-color:#424a53}
td.v-fail,td.v-review,td.v-pass,td.v-procedural{font-weight:600}
.automated,.passed{color:#116329}.partial,.warned{color:#7d4e00}.procedural,.acknowledged,.not-applicable{color:#424a53}.failed{color:#a40e26;font-weight:600}
.meta{color:#424a53}dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem}dl.meta dt{font-weight:600}dl.meta dd{margin:0}
section{border-top:1px solid #8c959f;margin-top:1.5rem}
@media print{body{font-size:10.5pt;max-width:none;padding:0}.skip,nav{display:none}a{color:inherit;text-decoration:none}
section{break-inside:auto}tr,.verdict{break-inside:avoid}thead{display:table-header-group}h2,h3{break-after:avoid}}`;

const DOC_PATH = /docs\/[A-Za-z0-9._-]+\.md/g;

/**
 * Escapes catalogue text for HTML and renders its Markdown code spans (`` `dpp audit` ``) as
 * `<code>`. A document path (`docs/x.md`) becomes a link only when `links` maps it to something
 * that exists next to the page; otherwise it stays plain text, never a dead link.
 */
export function inlineMarkup(text: string, links: ReadonlyMap<string, string> = new Map()): string {
  const linked = (escaped: string) =>
    escaped.replace(DOC_PATH, (doc) => {
      const href = links.get(doc);
      return href ? `<a href="${h(href)}">${doc}</a>` : doc;
    });
  return text
    .split(/(`[^`]+`)/)
    .map((part) => (part.length > 2 && part.startsWith('`') && part.endsWith('`') ? `<code>${linked(h(part.slice(1, -1)))}</code>` : linked(h(part))))
    .join('');
}

/** One page: `lang`, a title, the shared style, a skip link to `main`. `body` holds the landmarks. */
export function htmlPage(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${h(title)}</title><style>${REPORT_STYLE}</style></head>
<body>
<a class="skip" href="#main">Skip to the report</a>
${body}
</body>
</html>
`;
}

/** The date, tool version and commit a report was made from, for its header. */
export interface ReportStamp {
  /** ISO 8601. */
  readonly generatedAt: string;
  readonly version: string;
  /** The git commit of the checked app, when it is in a repository. */
  readonly commit?: string;
}

/** The stamp as a definition list. */
export function stampHtml(stamp: ReportStamp, extra: ReadonlyArray<[string, string]> = []): string {
  const rows: Array<[string, string]> = [
    ['Generated', stamp.generatedAt],
    ['Tool', `dpp-baseline ${stamp.version}`],
    ['Commit', stamp.commit ?? 'not in a git repository'],
    ...extra,
  ];
  return `<dl class="meta">${rows.map(([k, v]) => `<dt>${h(k)}</dt><dd>${h(v)}</dd>`).join('')}</dl>`;
}

import type { ProcessingEntry } from './processing';

/** The columns of the record, in order, with their headings. */
const COLUMNS: ReadonlyArray<[keyof ProcessingEntry, string]> = [
  ['stack', 'Stack'],
  ['environment', 'Environment'],
  ['logicalId', 'Logical ID'],
  ['type', 'Type'],
  ['origin', 'Origin'],
  ['classification', 'Classification'],
  ['encryption', 'Encryption'],
  ['key', 'Key'],
  ['retention', 'Retention'],
  ['publicExposure', 'Public exposure'],
  ['backups', 'Backups'],
  ['monitoring', 'Monitoring'],
  ['constructPath', 'Construct path'],
  ['template', 'Template'],
];

/** RFC 4180: quote fields holding a comma, quote or line break; double the quotes. */
function csvField(value: string | null): string {
  const text = value ?? '';
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatProcessingCsv(entries: readonly ProcessingEntry[]): string {
  const lines = [COLUMNS.map(([, heading]) => heading).join(',')];
  for (const e of entries) lines.push(COLUMNS.map(([key]) => csvField(e[key])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function mdCell(value: string | null): string {
  return (value ?? '—').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function formatProcessingMarkdown(entries: readonly ProcessingEntry[]): string {
  const out = [
    '# Record of processing activities (DPP 3.2 Data Governance)',
    '',
    `${entries.length} Information store${entries.length === 1 ? '' : 's'}, as declared in the templates.`,
    '',
    `| ${COLUMNS.map(([, heading]) => heading).join(' | ')} |`,
    `|${COLUMNS.map(() => '---').join('|')}|`,
    ...entries.map((e) => `| ${COLUMNS.map(([key]) => mdCell(e[key])).join(' | ')} |`),
  ];
  return `${out.join('\n')}\n`;
}

export function formatProcessingJson(entries: readonly ProcessingEntry[]): string {
  return `${JSON.stringify({ version: 1, stores: entries }, null, 2)}\n`;
}

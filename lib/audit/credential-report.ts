import type { AccessKeyState, LastUse } from './types';

/** The credential report's name for the root user's row. */
export const ROOT_ROW = '<root_account>';

/** One row of the IAM credential report, typed. Columns are read by header name, so added or reordered columns do not break it. */
export interface CredentialReportRow {
  readonly user: string;
  readonly arn: string;
  readonly created: Date | undefined;
  /** Whether the user has a console password; undefined for the root row (`not_supported`). */
  readonly passwordEnabled: boolean | undefined;
  readonly passwordLastUsed: LastUse;
  readonly passwordLastChanged: Date | undefined;
  readonly mfaActive: boolean;
  readonly accessKeys: readonly AccessKeyState[];
}

/**
 * Splits CSV text into records (RFC 4180: quoted fields, doubled quotes, commas and line breaks inside quotes,
 * CRLF or LF line ends). Blank lines are skipped.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endRecord = (): void => {
    record.push(field);
    if (record.length > 1 || record[0] !== '') records.push(record);
    record = [];
    field = '';
  };
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i += 1;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      endRecord();
      if (c === '\r' && text[i + 1] === '\n') i += 1;
    } else field += c;
    i += 1;
  }
  if (field !== '' || record.length > 0) endRecord();
  return records;
}

function date(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/** `N/A` means never used; `no_information` (use before IAM tracked it) and anything unparsable mean unknown. */
function lastUse(value: string | undefined): LastUse {
  if (value === 'N/A') return 'never';
  return date(value) ?? 'unknown';
}

function bool(value: string | undefined): boolean | undefined {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

/** Parses the credential report's CSV (`GetCredentialReport` content, already base64-decoded) into rows. */
export function parseCredentialReport(csv: string): CredentialReportRow[] {
  const [header, ...rows] = parseCsv(csv.replace(/^\uFEFF/, ''));
  if (!header) return [];
  const column = new Map(header.map((name, i) => [name.trim(), i]));
  if (!column.has('user')) throw new Error('the credential report has no "user" column');
  return rows.map((cells) => {
    const get = (name: string): string | undefined => {
      const i = column.get(name);
      return i === undefined ? undefined : cells[i]?.trim();
    };
    const keys: AccessKeyState[] = ([1, 2] as const).map((slot) => ({
      slot,
      active: get(`access_key_${slot}_active`) === 'true',
      lastRotated: date(get(`access_key_${slot}_last_rotated`)),
      lastUsed: lastUse(get(`access_key_${slot}_last_used_date`)),
    }));
    return {
      user: get('user') ?? '',
      arn: get('arn') ?? '',
      created: date(get('user_creation_time')),
      passwordEnabled: bool(get('password_enabled')),
      passwordLastUsed: lastUse(get('password_last_used')),
      passwordLastChanged: date(get('password_last_changed')),
      mfaActive: get('mfa_active') === 'true',
      accessKeys: keys,
    };
  });
}

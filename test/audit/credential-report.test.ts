import { parseCredentialReport, parseCsv, ROOT_ROW } from '../../lib/audit/credential-report';
import { parsePolicyDocument } from '../../lib/audit/authorization-details';

describe('parseCsv', () => {
  test('quoted fields with commas, doubled quotes and line breaks; CRLF and LF; blank lines skipped', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\nlines"\n\n1,,3\n';
    expect(parseCsv(text)).toEqual([['a', 'b', 'c'], ['x, y', 'say "hi"', 'two\nlines'], ['1', '', '3']]);
  });

  test('a last record without a line end, and an empty input', () => {
    expect(parseCsv('a,b\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsv('')).toEqual([]);
  });
});

describe('parseCredentialReport', () => {
  const header = 'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date';

  test('reads columns by name, with IAM\'s N/A, no_information and not_supported values', () => {
    const csv = [
      `\uFEFF${header}`,
      '<root_account>,arn:aws:iam::123456789012:root,2020-01-01T00:00:00+00:00,not_supported,2026-01-01T00:00:00+00:00,not_supported,true,false,N/A,N/A,false,N/A,N/A',
      'alice,arn:aws:iam::123456789012:user/alice,2024-01-01T00:00:00+00:00,true,no_information,2024-02-01T00:00:00+00:00,false,true,2025-01-01T00:00:00+00:00,N/A,false,N/A,N/A',
    ].join('\n');
    const [root, alice] = parseCredentialReport(csv);
    expect(root).toMatchObject({ user: ROOT_ROW, passwordEnabled: undefined, mfaActive: true });
    expect(alice).toMatchObject({
      user: 'alice',
      passwordEnabled: true,
      passwordLastUsed: 'unknown',
      passwordLastChanged: new Date('2024-02-01T00:00:00Z'),
      mfaActive: false,
      accessKeys: [
        { slot: 1, active: true, lastRotated: new Date('2025-01-01T00:00:00Z'), lastUsed: 'never' },
        { slot: 2, active: false, lastRotated: undefined, lastUsed: 'never' },
      ],
    });
  });

  test('column order does not matter, and missing columns read as absent', () => {
    const [row] = parseCredentialReport('mfa_active,user,password_enabled\ntrue,bob,false\n');
    expect(row).toMatchObject({ user: 'bob', mfaActive: true, passwordEnabled: false, arn: '' });
  });

  test('a report without a user column is rejected; an empty one has no rows', () => {
    expect(() => parseCredentialReport('a,b\n1,2')).toThrow(/user/);
    expect(parseCredentialReport('')).toEqual([]);
  });
});

describe('parsePolicyDocument', () => {
  const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/a b%' }] };

  test('URL-encoded (as IAM returns them) and plain JSON documents', () => {
    expect(parsePolicyDocument(encodeURIComponent(JSON.stringify(doc)))).toEqual(doc);
    expect(parsePolicyDocument(JSON.stringify(doc))).toEqual(doc);
  });

  test('unparsable or absent documents give undefined', () => {
    expect(parsePolicyDocument('%E0%A4%A')).toBeUndefined();
    expect(parsePolicyDocument('not json')).toBeUndefined();
    expect(parsePolicyDocument(undefined)).toBeUndefined();
  });
});

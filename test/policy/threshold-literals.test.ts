import { scanSourceTree, thresholdLiterals, type Hit } from './threshold-literals';

/**
 * The policy's numbers live in lib/policy only: rules, audit checks, constructs, config and report
 * texts read the profile. What the lint finds elsewhere must be on this list, with why it is not
 * a threshold. Keep it short: a new entry is a number that is not the policy's.
 */
const ALLOWED: ReadonlyArray<{ readonly file: string; readonly text: string; readonly why: string }> = [
  { file: 'constructs/security/keys.ts', text: '30', why: 'KMS key deletion pending window (AWS: 7 to 30 days)' },
  { file: 'constructs/audit/security-alarms.ts', text: '30', why: 'KMS key deletion pending window' },
  { file: 'constructs/audit/audit-trail.ts', text: '30', why: 'KMS key deletion pending window; S3 transitions need at least 30 days' },
  { file: 'constructs/audit/audit-trail.ts', text: '30 days', why: 'S3: transitions to another storage class need at least 30 days' },
  { file: 'lib/baseline/network-data.ts', text: '30', why: 'KMS key deletion pending window in prod' },
  { file: 'constructs/data/backup-copy-vault.ts', text: '30', why: 'KMS key deletion pending window (AWS: 7 to 30 days)' },
  { file: 'constructs/identity/handler-function.ts', text: '30', why: 'Lambda timeout in seconds' },
  { file: 'constructs/data/encrypted-database.ts', text: '30-day', why: 'RDS Enhanced Monitoring log group retention that RDS itself sets (a fact about AWS, quoted)' },
  { file: 'lib/audit/collect.ts', text: '30', why: 'credential-report poll attempts' },
  { file: 'lib/reports/html.ts', text: '90', why: 'CSS font size (90%)' },
  { file: 'constructs/detection/canary-records.ts', text: '7 days', why: 'longest reseed interval of the canary records (shorter than any PII retention), a construct bound' },
  { file: 'constructs/detection/read-anomaly-alarms.ts', text: '30', why: 'CloudWatch alarm periods (1, 5, 10, 15, 30, 60 minutes)' },
  { file: 'constructs/identity/access-analyzers.ts', text: '365', why: 'IAM Access Analyzer: unused access age is at most 365 days (an AWS limit)' },
  { file: 'lib/evidence/zip.ts', text: '30', why: 'ZIP format: the local file header is 30 bytes' },
  { file: 'lib/evidence/zip.ts', text: '12', why: 'ZIP format: a field offset in the end-of-central-directory record' },
  { file: 'lib/reports/processing.ts', text: '24 hours', why: 'Kinesis stream default retention (an AWS default, reported)' },
  { file: 'lib/checks/rules/3.7-vulnerability-management/rds-backup-retention.ts', text: '1 day', why: 'RDS default backup retention (an AWS default, reported)' },
];

function allowed(hit: Hit): boolean {
  return ALLOWED.some((a) => a.file === hit.file && a.text === hit.text);
}

describe('threshold literals', () => {
  test('appear only in lib/policy (or on the allow-list, with why)', () => {
    const stray = scanSourceTree().filter((hit) => !allowed(hit)).map((h) => `${h.file}:${h.line}: ${h.text}`);
    expect(stray).toEqual([]);
  });

  test('the allow-list has no stale entry', () => {
    const hits = scanSourceTree();
    expect(ALLOWED.filter((a) => !hits.some((h) => h.file === a.file && h.text === a.text)).map((a) => `${a.file}: ${a.text}`)).toEqual([]);
  });

  test('the lint finds numbers in code and in texts, not in comments or regex quantifiers', () => {
    const source = [
      'const min = 90; // 365 in a comment',
      "const text = 'kept 365 days';",
      '/* 12 characters */ const account = /^\\d{12}$/;',
      'const spec = `AES-128`;',
      'const port = 8443;',
    ].join('\n');
    expect(thresholdLiterals('x.ts', source).map((h) => `${h.line}:${h.text}`)).toEqual(['1:90', '2:365', '2:365 days', '4:AES-128']);
  });
});

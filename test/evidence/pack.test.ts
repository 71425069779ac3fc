import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildEvidencePack, sha256, type Manifest } from '../../lib/evidence/pack';
import { DPP_PROFILE } from '../../lib/evidence/profile';
import { loadPaths } from '../../lib/loading/load-paths';
import { checkTemplates } from '../../lib/reports/check-report';
import { ROWS_SHOWN_PER_GROUP } from '../../lib/evidence/index-html';
import { expectGolden } from '../reports/golden';
import { ACCESS_REVIEW, fileOf, GOLDEN_PATHS, manyBucketsTemplate, packOf, STAMP } from './evidence-fixture';

describe('the evidence pack of a small app', () => {
  const files = packOf(GOLDEN_PATHS, { accessReview: ACCESS_REVIEW });

  test('has every file the auditor asks for, manifest last', () => {
    expect(files.map((f) => f.path)).toEqual([
      'index.html',
      'findings/check.json',
      'findings/check.sarif',
      'findings/check.junit.xml',
      'clause-coverage/coverage.html',
      'clause-coverage/coverage.md',
      'clause-coverage/coverage.json',
      'processing/record.csv',
      'processing/record.md',
      'acknowledgments.md',
      'access-review/access-review.json',
      'documents/2.6-risk-register.md',
      'documents/2.7-incident-response.md',
      'documents/2.8-deletion.md',
      'documents/3.7-vulnerability-management.md',
      'manifest.json',
    ]);
  });

  test.each(GOLDEN_FILES())('%s matches its golden file (UPDATE_GOLDEN=1 to rewrite)', (file) => {
    expectGolden(`evidence/${file}`, fileOf(files, file));
  });

  test('the manifest lists every other file with its size and SHA-256', () => {
    const manifest = JSON.parse(fileOf(files, 'manifest.json')) as Manifest;
    expect(manifest).toMatchObject({ version: 1, tool: { name: 'dpp-baseline', version: STAMP.version }, generatedAt: STAMP.generatedAt, commit: STAMP.commit, profile: 'dpp' });
    const others = files.filter((f) => f.path !== 'manifest.json');
    expect(manifest.files.map((f) => f.path)).toEqual(others.map((f) => f.path));
    for (const entry of manifest.files) {
      const content = fileOf(files, entry.path);
      expect(entry.sha256).toBe(sha256(content));
      expect(entry.bytes).toBe(Buffer.byteLength(content));
    }
    // Independent of our helper: Node's own hash of one file.
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  test('the access review is copied byte for byte, and its errors fail DPP 2.2', () => {
    expect(fileOf(files, 'access-review/access-review.json')).toBe(fs.readFileSync(ACCESS_REVIEW, 'utf8'));
    const index = fileOf(files, 'index.html');
    expect(index).toMatch(/<th scope="row">2\.2 Access Management<\/th><td class="v-fail">Fails<\/td>/);
    expect(index).toMatch(/<th scope="row">2\.4 Credential Management<\/th><td class="v-review">Needs review<\/td>/);
    expect(index).toContain('user/admin');
    expect(index).toMatch(/<th scope="row">2\.2 Access Management<\/th>(<td[^>]*>[^<]*<\/td>){6}<td>1 error, 0 warnings<\/td>/);
  });

  test('the incident runbook is filled from the app: contacts, trail, lockout, the 24 hours', () => {
    const runbook = fileOf(files, 'documents/2.7-incident-response.md');
    expect(runbook).toContain('| test/fixtures/evidence/incident-facts.yaml / SecurityTopic | email: security@example.com, email: decided at deploy time (parameter OnCallEmail) |');
    expect(runbook).toContain('| test/fixtures/evidence/incident-facts.yaml / Trail | yes | yes | TrailLogs.Arn |');
    expect(runbook).toContain('| test/fixtures/evidence/incident-facts.yaml / LockoutHandler | 5 | 15 | deny-all-policy |');
    expect(runbook).toContain('within **24 hours**');
    expect(runbook).toContain('## Chain of custody');
  });

  test('the deletion runbook lists every store of the record of processing, with NIST 800-88 and the certification', () => {
    const runbook = fileOf(files, 'documents/2.8-deletion.md');
    expect(runbook).toContain('| test/fixtures/templates/unencrypted-database.yaml | — | Orders | AWS::RDS::DBInstance |');
    expect(runbook).toContain('NIST SP 800-88');
    expect(runbook).toContain('## Written certification of destruction');
    expect(runbook).toContain('within **30 days** of the request; every live instance gone **90 days** after the notice');
  });
});

describe('the numbers of the profile', () => {
  test('a different profile changes the documents and is named on every page', () => {
    const strict = { ...DPP_PROFILE, name: 'strict', incidentNotificationHours: 12, lockoutMaxFailures: 3, lockoutWindowMinutes: 15 };
    const files = buildEvidencePack({ report: checkTemplates(loadPaths(['test/fixtures/templates/no-rule-applies.yaml'])), stamp: STAMP, profile: strict, readTemplate: (t) => fs.readFileSync(t, 'utf8') });
    expect(fileOf(files, 'documents/2.7-incident-response.md')).toContain('within **12 hours**');
    expect(fileOf(files, 'documents/2.7-incident-response.md')).toContain('a lockout after at most 3 failed log-ins counted over at most 15 minutes');
    expect(fileOf(files, 'index.html')).toContain('<dt>Policy profile</dt><dd>strict</dd>');
    expect(JSON.parse(fileOf(files, 'manifest.json')).profile).toBe('strict');
  });
});

describe('zero findings', () => {
  const files = packOf(['test/fixtures/templates/no-rule-applies.yaml']);

  test('the verdict passes and says so, with no empty tables', () => {
    const index = fileOf(files, 'index.html');
    expect(index).toContain('<p class="verdict v-pass" role="status"><strong>Passes</strong> — 0 unacknowledged errors, 0 warnings, 0 acknowledged</p>');
    expect(index).toContain('<p>None: every automated check passed or is acknowledged.</p>');
    expect(index).toContain('<p>None: no finding is acknowledged.</p>');
    expect(index).toContain('Not included: run <code>dpp audit --format json</code>');
    expect(files.map((f) => f.path)).not.toContain('access-review/access-review.json');
    expect(fileOf(files, 'acknowledgments.md')).toContain('0 findings are acknowledged');
  });
});

describe('thousands of findings', () => {
  let files: ReturnType<typeof packOf>;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-evidence-many-'));
  const BUCKETS = 3000;

  beforeAll(() => {
    fs.writeFileSync(path.join(dir, 'buckets.json'), manyBucketsTemplate(BUCKETS));
    files = packOf([path.join(dir, 'buckets.json')]);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the page shows at most a capped number of rows per clause, counts the rest, and stays small', () => {
    const index = fileOf(files, 'index.html');
    const all = JSON.parse(fileOf(files, 'findings/check.json')).findings.length;
    expect(all).toBeGreaterThan(BUCKETS * 3);
    const rows = index.match(/<tr><td class="(failed|warned)">/g) ?? [];
    const clausesWithFindings = (index.match(/<h3 id="clause-/g) ?? []).length;
    expect(rows.length).toBeLessThanOrEqual(clausesWithFindings * ROWS_SHOWN_PER_GROUP);
    expect(index).toMatch(/and \d+ more: see <a href="findings\/check\.json">findings\/check\.json<\/a>/);
    expect(index).toMatch(new RegExp(`DPP 3\\.4 Encryption at Rest: [\\d,]+ findings`));
    expect(Buffer.byteLength(index)).toBeLessThan(2 * 1024 * 1024);
    expect(Buffer.byteLength(fileOf(files, 'clause-coverage/coverage.html'))).toBeLessThan(2 * 1024 * 1024);
  });
});

/** The files compared with golden copies: every file (the manifest pins their hashes too). */
function GOLDEN_FILES(): string[] {
  return [
    'index.html', 'findings/check.json', 'findings/check.sarif', 'findings/check.junit.xml', 'clause-coverage/coverage.html', 'clause-coverage/coverage.md',
    'clause-coverage/coverage.json', 'processing/record.csv', 'processing/record.md', 'acknowledgments.md', 'documents/2.6-risk-register.md',
    'documents/2.7-incident-response.md', 'documents/2.8-deletion.md', 'documents/3.7-vulnerability-management.md', 'manifest.json',
  ];
}

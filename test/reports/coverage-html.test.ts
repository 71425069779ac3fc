import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLAUSES } from '../../lib/checks/catalogue';
import { ALL_RULES } from '../../lib/checks/rules';
import { PROCEDURAL_DOCUMENTS } from '../../lib/evidence/documents';
import { loadPaths } from '../../lib/loading/load-paths';
import { checkTemplates } from '../../lib/reports/check-report';
import { coverage } from '../../lib/reports/coverage';
import { formatCoverageHtml } from '../../lib/reports/coverage-format';
import { dpp, fixture } from '../cli/run-cli';

const root = path.join(__dirname, '..', '..');
const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { files: string[] };
const documentsNamed = [...new Set(CLAUSES.flatMap((c) => c.procedural.flatMap((p) => `${p.item} ${p.coveredBy}`.match(/docs\/[A-Za-z0-9._-]+\.md/g) ?? [])))];

describe('the coverage page', () => {
  const checked = coverage(ALL_RULES, checkTemplates(loadPaths([fixture('templates/unencrypted-database.yaml')])));
  const stamp = { generatedAt: '2026-01-02T03:04:05.000Z', version: '9.9.9', commit: 'f'.repeat(40) };

  test('renders code spans, never raw backticks', () => {
    const html = formatCoverageHtml(coverage(ALL_RULES));
    expect(html).not.toContain('`');
    expect(html).toContain('<code>dpp audit</code>');
  });

  test('links a document only where the page says it exists', () => {
    expect(formatCoverageHtml(coverage(ALL_RULES))).not.toMatch(/<a href="[^#]/);
    const html = formatCoverageHtml(coverage(ALL_RULES), { links: new Map([['docs/risk-register.md', '../documents/2.6-risk-register.md']]) });
    expect(html).toContain('<a href="../documents/2.6-risk-register.md">docs/risk-register.md</a>');
    expect(html.match(/<a href="[^#][^"]*"/g)).toEqual(['<a href="../documents/2.6-risk-register.md"']);
  });

  test('with checked templates: the verdict first, then date, version, commit and the failing resources', () => {
    const html = formatCoverageHtml(checked, { stamp });
    const verdict = html.indexOf('<p class="verdict v-fail" role="status"><strong>Fails</strong>');
    expect(verdict).toBeGreaterThan(0);
    expect(verdict).toBeLessThan(html.indexOf('<dt>Generated</dt><dd>2026-01-02T03:04:05.000Z</dd>'));
    expect(html).toContain('<dt>Tool</dt><dd>dpp-baseline 9.9.9</dd><dt>Commit</dt><dd>ffffffffffffffffffffffffffffffffffffffff</dd>');
    expect(html).toMatch(/<ul aria-label="Failing resources of DPP-3\.4-RdsStorageEncrypted"><li><code>Orders<\/code> in <code>test\/fixtures\/templates\/unencrypted-database\.yaml<\/code>, line \d+<\/li><\/ul>/);
    expect(checked.clauses.find((c) => c.id === '3.4')!.rules.find((r) => r.id === 'DPP-3.4-RdsStorageEncrypted')!.failing).toEqual([
      { template: 'test/fixtures/templates/unencrypted-database.yaml', logicalId: 'Orders', line: expect.any(Number) },
    ]);
  });

  test('the command stamps the page with the date and version', async () => {
    const run = await dpp('report', 'coverage', fixture('templates/unencrypted-database.yaml'), '--format', 'html');
    expect(run.stdout).toMatch(/<dt>Generated<\/dt><dd>\d{4}-\d\d-\d\dT[\d:.]+Z<\/dd><dt>Tool<\/dt><dd>dpp-baseline \d+\.\d+\.\d+/);
  });
});

describe('the documents the catalogue names', () => {
  test('every one exists and ships in the package', () => {
    expect(documentsNamed.length).toBeGreaterThanOrEqual(4);
    for (const doc of documentsNamed) {
      expect(fs.existsSync(path.join(root, doc))).toBe(true);
      expect(packageJson.files).toContain(doc);
    }
  });

  test('every procedural document of the evidence pack ships in the package, and each procedural clause 2.6, 2.7, 2.8, 3.7 has one', () => {
    for (const d of PROCEDURAL_DOCUMENTS) expect(packageJson.files).toContain(d.template);
    expect(PROCEDURAL_DOCUMENTS.map((d) => d.clause)).toEqual(['2.6', '2.7', '2.8', '3.7']);
    expect(documentsNamed.sort()).toEqual(PROCEDURAL_DOCUMENTS.map((d) => d.template).sort());
  });
});

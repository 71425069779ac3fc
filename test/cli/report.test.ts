import { CLAUSES } from '../../lib/checks/catalogue';
import { dpp, fixture } from './run-cli';

describe('dpp report coverage', () => {
  test('JSON: every clause 2.1–3.7 with status, rules, constructs and procedural items', async () => {
    const run = await dpp('report', 'coverage', '--format', 'json');
    expect(run.code).toBe(0);
    const { clauses, templates } = JSON.parse(run.stdout);
    expect(templates).toBeUndefined();
    expect(clauses.map((c: { id: string }) => c.id)).toEqual(['2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '2.8', '2.9', '3.1', '3.2', '3.3', '3.4', '3.5', '3.6', '3.7']);
    const encryption = clauses.find((c: { id: string }) => c.id === '3.4');
    expect(encryption).toMatchObject({ title: 'Encryption at Rest', status: 'automated', constructs: expect.arrayContaining(['EncryptionKeys']) });
    expect(encryption.rules).toContainEqual({ id: 'DPP-3.4-RdsStorageEncrypted', level: 'error', description: expect.any(String) });
    const governance = clauses.find((c: { id: string }) => c.id === '3.2');
    expect(governance.procedural).toContainEqual({ item: 'Record of processing activities for all PII', coveredBy: expect.stringContaining('dpp report processing') });
  });

  test('with templates, each rule\'s outcome per clause', async () => {
    const run = await dpp('report', 'coverage', fixture('templates/unencrypted-database.yaml'), fixture('templates/acknowledged-database.yaml'), '--format', 'json');
    const { clauses, templates } = JSON.parse(run.stdout);
    expect(templates).toHaveLength(2);
    const encryption = clauses.find((c: { id: string }) => c.id === '3.4');
    expect(encryption.results.failed).toContain('DPP-3.4-RdsStorageEncrypted');
    expect(encryption.rules.find((r: { id: string }) => r.id === 'DPP-3.4-RdsStorageEncrypted').outcome).toBe('failed');
    expect(encryption.results.notApplicable).toContain('DPP-3.4-S3BucketEncrypted');
    const procedural = clauses.find((c: { id: string }) => c.id === '2.6');
    expect(procedural.results).toEqual({ passed: [], failed: [], warned: [], acknowledged: [], notApplicable: [] });
  });

  test('an acknowledged finding makes the rule acknowledged, not failed', async () => {
    const run = await dpp('report', 'coverage', fixture('templates/acknowledged-database.yaml'), '--format', 'json');
    const encryption = JSON.parse(run.stdout).clauses.find((c: { id: string }) => c.id === '3.4');
    // NoReason's acknowledgment has no reason, so the rule still fails there.
    expect(encryption.results.failed).toContain('DPP-3.4-RdsStorageEncrypted');
  });

  test('Markdown: a summary table, then a section per clause', async () => {
    const run = await dpp('report', 'coverage');
    expect(run.stdout).toMatch(/^# DPP clause coverage\n/);
    expect(run.stdout).toContain('| Clause | Title | Status | Rules | Constructs |');
    for (const c of CLAUSES) expect(run.stdout).toContain(`## ${c.id} ${c.title} (${c.status})`);
    expect(run.stdout).toContain('- Risk assessment reviewed annually by senior management — covered by docs/risk-register.md template');
  });

  test('HTML: one self-contained page', async () => {
    const run = await dpp('report', 'coverage', fixture('templates/unencrypted-database.yaml'), '--format', 'html');
    expect(run.stdout).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(run.stdout).toContain('<style>');
    expect(run.stdout).not.toMatch(/<script|<link|src=|https?:\/\//);
    expect(run.stdout).toContain('<span class="failed">failed</span>');
    expect(run.stdout).toContain('&apos;');
  });
});

describe('dpp report processing', () => {
  test('CSV by default: a header and one row per Information store', async () => {
    const run = await dpp('report', 'processing', fixture('templates/data-stores.yaml'));
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe('Stack,Environment,Logical ID,Type,Origin,Classification,Encryption,Key,Retention,Public exposure,Backups,Monitoring,Construct path,Template');
    expect(lines).toHaveLength(7);
    expect(lines[1]).toBe(',prod,Customers,AWS::S3::Bucket,ecartapi,pii,encrypted,customer-managed DataKey,objects expire after 30 days; non-current versions expire after 7 days,public access blocked,versioning; AWS Backup selection Plan,none declared,,test/fixtures/templates/data-stores.yaml');
    expect(lines[5]).toContain('"IAM and resource policy only; a resource policy allows anyone (Principal ""*"" with no condition)"');
  });

  test('JSON and Markdown', async () => {
    const json = JSON.parse((await dpp('report', 'processing', fixture('templates/data-stores.yaml'), '--format', 'json')).stdout);
    expect(json.version).toBe(1);
    expect(json.stores.map((s: { logicalId: string }) => s.logicalId)).toEqual(['Customers', 'Sessions', 'Orders', 'AppLogs', 'Jobs', 'Alerts']);
    const markdown = (await dpp('report', 'processing', fixture('templates/data-stores.yaml'), '--format', 'markdown')).stdout;
    expect(markdown).toContain('# Record of processing activities (DPP 3.2 Data Governance)');
    expect(markdown).toContain('| — | prod | Orders | AWS::RDS::DBInstance |');
  });

  test('needs a path', async () => {
    const run = await dpp('report', 'processing');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("error: missing required argument 'paths'\n");
  });
});

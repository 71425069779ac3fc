import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RuleSet } from '../../lib/checks/engine';
import { RdsStorageEncrypted } from '../../lib/checks/rules/3.4-encryption-at-rest/rds-storage-encrypted';
import { complianceDiff, introducesError } from '../../lib/diff/compliance-diff';
import { loadPaths } from '../../lib/loading/load-paths';
import { checkTemplates } from '../../lib/reports/check-report';
import { dpp, fixture } from '../cli/run-cli';

const RULES = new RuleSet([RdsStorageEncrypted]);
const UNENCRYPTED = fixture('templates/unencrypted-database.yaml');
const ENCRYPTED = fixture('templates/encrypted-database.yaml');

function diffOf(oldPath: string, newPath: string) {
  return complianceDiff(checkTemplates(loadPaths([oldPath]), RULES), oldPath, checkTemplates(loadPaths([newPath]), RULES), newPath);
}

describe('compliance diff', () => {
  test('a change that resolves a finding', () => {
    const diff = diffOf(UNENCRYPTED, ENCRYPTED);
    expect(diff.resolved.map((f) => [f.ruleId, f.logicalId])).toEqual([['DPP-3.4-RdsStorageEncrypted', 'Orders']]);
    expect(diff.introduced).toEqual([]);
    expect(introducesError(diff)).toBe(false);
  });

  test('a change that introduces a finding', () => {
    const diff = diffOf(ENCRYPTED, UNENCRYPTED);
    expect(diff.introduced.map((f) => [f.ruleId, f.logicalId])).toEqual([['DPP-3.4-RdsStorageEncrypted', 'Orders']]);
    expect(introducesError(diff)).toBe(true);
  });

  test('stacks of two cloud assemblies pair by stack name; an acknowledgment withdrawn counts as introducing the error', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-diff-'));
    try {
      fs.cpSync('test/fixtures/assemblies/staged-app', path.join(dir, 'old'), { recursive: true });
      fs.cpSync('test/fixtures/assemblies/staged-app', path.join(dir, 'new'), { recursive: true });
      const acknowledge = (root: string) => {
        const file = path.join(root, 'Shop-test.template.json');
        const template = JSON.parse(fs.readFileSync(file, 'utf8'));
        template.Resources.Orders.Metadata.cdk_nag = { rules_to_suppress: [{ id: 'DPP-3.4-RdsStorageEncrypted', reason: 'test data only' }] };
        fs.writeFileSync(file, JSON.stringify(template));
      };
      acknowledge(path.join(dir, 'old'));
      const diff = diffOf(path.join(dir, 'old'), path.join(dir, 'new'));
      expect(diff.introduced).toEqual([]);
      expect(diff.resolved).toEqual([]);
      expect(diff.unchanged).toHaveLength(2);
      expect(introducesError(diff)).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('dpp diff', () => {
  test('prints findings by clause, then the template diff; exit 1 when the change introduces an error', async () => {
    const run = await dpp('diff', ENCRYPTED, UNENCRYPTED);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^Findings introduced \(\d+\)\n {2}DPP 3\.4 Encryption at Rest\n {6}DPP-3\.4-RdsStorageEncrypted {2}Orders \(AWS::RDS::DBInstance\)/);
    expect(run.stdout).toMatch(/\nFindings resolved \(0\)\n {2}none\n/);
    expect(run.stdout).toMatch(/\n1 introduced \(1 unacknowledged error\), 0 resolved, \d+ unchanged\n/);
    expect(run.stdout).toContain('\nTemplate diff\nStack test/fixtures/templates/unencrypted-database.yaml\n');
    expect(run.stdout).toMatch(/\[~\] AWS::RDS::DBInstance Orders replace\n.*\[~\] StorageEncrypted \(requires replacement\)/);
    expect(run.stdout).not.toContain('\u001b[');
  });

  test('exit 0 when the change resolves a finding', async () => {
    const run = await dpp('diff', UNENCRYPTED, ENCRYPTED);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\nFindings resolved \(1\)\n {2}DPP 3\.4 Encryption at Rest\n {6}DPP-3\.4-RdsStorageEncrypted/);
  });

  test('no change: no findings introduced or resolved, no template differences', async () => {
    const run = await dpp('diff', ENCRYPTED, ENCRYPTED);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\nTemplate diff\n {2}no differences\n$/);
  });

  test('bad input and missing arguments exit 2', async () => {
    expect((await dpp('diff', ENCRYPTED)).code).toBe(2);
    const missing = await dpp('diff', ENCRYPTED, 'nowhere.yaml');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('dpp: nowhere.yaml: no such file or directory\n');
  });
});

import { dppRuleSet } from '../../lib/checks/rules';
import { DPP_2025 } from '../../lib/policy/profile';

// `dpp rules` lists the rules of the profile: those a profile turns off are not listed.
const ALL_RULES = dppRuleSet().rules;
import { dpp } from './run-cli';

describe('dpp rules', () => {
  test('text lists every rule under its clause', async () => {
    const run = await dpp('rules');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('DPP 3.4 Encryption at Rest\n');
    expect(run.stdout).toMatch(/ {2}DPP-3\.4-RdsStorageEncrypted {2}error {4}AWS::RDS::DBInstance, AWS::RDS::DBCluster/);
    expect(run.stdout).toContain(`\n${ALL_RULES.length} rules\n`);
  });

  test('text gives each rule\'s fix under what it asserts', async () => {
    const run = await dpp('rules');
    const rds = ALL_RULES.find((r) => r.id === 'DPP-3.4-RdsStorageEncrypted')!;
    expect(run.stdout).toContain(`  DPP-3.4-RdsStorageEncrypted`);
    expect(run.stdout).toContain(`    ${rds.description}\n    fix: ${rds.fix}\n`);
    expect(run.stdout.match(/^ {4}fix: /gm)).toHaveLength(ALL_RULES.length);
  });

  test('JSON gives id, clause, level, resource types and description of every rule', async () => {
    const run = await dpp('rules', '--format', 'json');
    const { rules } = JSON.parse(run.stdout);
    expect(rules).toHaveLength(ALL_RULES.length);
    expect(rules).toContainEqual(expect.objectContaining({
      id: 'DPP-3.4-RdsStorageEncrypted',
      clause: '3.4',
      clauseTitle: 'Encryption at Rest',
      level: 'error',
      scope: 'resource',
      resourceTypes: expect.arrayContaining(['AWS::RDS::DBInstance']),
      description: expect.any(String),
      fix: expect.any(String),
    }));
  });

  test('critical rules are marked: text says they cannot be acknowledged, JSON gives where', async () => {
    const text = (await dpp('rules')).stdout;
    expect(text).toMatch(/DPP-3\.5-NoHardcodedMasterPassword .*critical: cannot be acknowledged/);
    expect(text).toMatch(/DPP-3\.4-RdsStorageEncrypted .*critical \(on PII stores in prod\): cannot be acknowledged/);
    expect(text).toMatch(/DPP-3\.6-TrailLogFileValidation .*critical \(in prod\): cannot be acknowledged/);
    const { rules } = JSON.parse((await dpp('rules', '--format', 'json')).stdout) as { rules: Array<{ id: string; critical: string | null }> };
    const critical = Object.fromEntries(rules.filter((r) => r.critical !== null).map((r) => [r.id, r.critical]));
    expect(critical).toMatchObject({
      'DPP-3.5-NoHardcodedMasterPassword': 'always',
      'DPP-3.5-NoHardcodedLoginPassword': 'always',
      'DPP-3.4-S3BucketEncrypted': 'prod-pii',
      'DPP-2.1-S3BlockPublicAccess': 'prod-pii',
      'DPP-3.6-TrailLogFileValidation': 'prod',
    });
    expect(rules.find((r) => r.id === 'DPP-2.5-RdsForceSsl')?.critical).toBeNull();
  });

  test('an unknown format is bad input', async () => {
    const run = await dpp('rules', '--format', 'yaml');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: option .* argument 'yaml' is invalid\. Allowed choices are text, json\.\n$/);
  });

  test('--profile dpp-2025 lists its extra rules with its numbers', async () => {
    const run = await dpp('rules', '--format', 'json', '--profile', 'dpp-2025');
    const { rules } = JSON.parse(run.stdout);
    expect(rules).toHaveLength(dppRuleSet(DPP_2025).rules.length);
    expect(rules).toContainEqual(expect.objectContaining({ id: 'DPP-2.8-NonPiiStoreExpiration', level: 'error' }));
    expect(rules).toContainEqual(expect.objectContaining({ id: 'DPP-3.6-LogGroupRetention', description: 'Log groups keep their logs at least 365 days (unset: never expire)' }));
  });
});

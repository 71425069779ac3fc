import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseXml } from '../reports/xml-parser';
import { dpp, fixture } from './run-cli';

describe('dpp check', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-check-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('exit 1 on an unacknowledged error, grouped by template and clause, with a summary line', async () => {
    const run = await dpp('check', fixture('templates/unencrypted-database.yaml'));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('test/fixtures/templates/unencrypted-database.yaml\n');
    expect(run.stdout).toContain('  DPP 3.4 Encryption at Rest\n');
    expect(run.stdout).toMatch(/✖ error DPP-3\.4-RdsStorageEncrypted {2}Orders \(AWS::RDS::DBInstance\), line 4/);
    expect(run.stdout).toMatch(/^1 template, 1 resource checked against \d+ DPP rules: \d+ errors?, \d+ warnings?, 0 acknowledged$/m);
    expect(run.stdout).not.toContain('\u001b[');
    expect(run.stderr).toBe('');
  });

  // Loose templates without dpp:environment: the workload flag keeps the environment-control warning out of these counts.
  const WORKLOAD = ['--environment-controls-from', 'DppBaseline-prod'];

  test('exit 0 when no rule finds anything', async () => {
    const run = await dpp('check', fixture('templates/no-rule-applies.yaml'), ...WORKLOAD);
    expect(run.stdout).toMatch(/0 errors, 0 warnings, 0 acknowledged/);
    expect(run.code).toBe(0);
  });

  test('honours acknowledgments from metadata, in both ID forms, and reports one without a reason as an error', async () => {
    const run = await dpp('check', fixture('templates/acknowledged-database.yaml'), '--format', 'json');
    const json = JSON.parse(run.stdout);
    const rds = json.findings.filter((f: { ruleId: string }) => f.ruleId === 'DPP-3.4-RdsStorageEncrypted');
    expect(rds.map((f: { logicalId: string; acknowledged: boolean }) => [f.logicalId, f.acknowledged])).toEqual([['Plain', true], ['Qualified', true], ['NoReason', false]]);
    expect(json.errors).toEqual([]);
    expect(json.findings.filter((f: { ruleId: string }) => f.ruleId === 'DPP-Acknowledgment')).toEqual([
      expect.objectContaining({ logicalId: 'NoReason', level: 'error', acknowledged: false, message: expect.stringMatching(/acknowledgment of DPP-3.4-RdsStorageEncrypted on NoReason has an empty reason/) }),
    ]);
    expect(run.code).toBe(1);
  });

  test('checks a SAM template as written with a notice, and unknown or custom resource types do not crash', async () => {
    const run = await dpp('check', fixture('templates/transform-and-custom-types.yaml'), '--format', 'json');
    const json = JSON.parse(run.stdout);
    expect(json.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/^Transform AWS::Serverless-2016-10-31 is not expanded/) })]);
    expect(json.summary.resources).toBe(4);
    expect(json.findings.some((f: { ruleId: string; logicalId: string }) => f.ruleId === 'DPP-3.4-RdsStorageEncrypted' && f.logicalId === 'Broken')).toBe(true);
  });

  test('reads YAML with every short-form tag', async () => {
    const run = await dpp('check', fixture('templates/short-form-tags.yaml'), '--format', 'json');
    const json = JSON.parse(run.stdout);
    expect(json.summary.templates).toBe(1);
    // StorageEncrypted is !Ref Encrypt: unresolvable, so a warning, never a pass.
    expect(json.findings).toContainEqual(expect.objectContaining({ ruleId: 'DPP-3.4-RdsStorageEncrypted', level: 'warning', logicalId: 'Orders' }));
  });

  test('checks a cloud assembly with nested assemblies and nested stacks', async () => {
    const run = await dpp('check', fixture('assemblies/staged-app'), '--format', 'json');
    const json = JSON.parse(run.stdout);
    const rds = json.findings.filter((f: { ruleId: string }) => f.ruleId === 'DPP-3.4-RdsStorageEncrypted');
    expect(rds.map((f: { stack: string; constructPath: string }) => [f.stack, f.constructPath])).toEqual([
      ['Shop-test', 'Shop-test/Orders/Resource'],
      ['Shop-test/Catalogue', 'Shop-test/Catalogue/Items/Resource'],
    ]);
    expect(json.summary).toMatchObject({ templates: 3, resources: 4 });
  });

  test('--fail-on warning fails on warnings', async () => {
    const file = path.join(dir, 'param.yaml');
    fs.writeFileSync(file, 'Parameters:\n  E: {Type: String}\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Metadata:\n      cdk_nag:\n        rules_to_suppress: []\n    Properties:\n      StorageEncrypted: !Ref E\n');
    const json = JSON.parse((await dpp('check', file, '--format', 'json')).stdout);
    const rds = json.findings.find((f: { ruleId: string }) => f.ruleId === 'DPP-3.4-RdsStorageEncrypted');
    expect(rds.level).toBe('warning');
    const onWarning = await dpp('check', file, '--fail-on', 'warning', '--format', 'json');
    expect(onWarning.code).toBe(1);
  });

  test('--output writes the report atomically and prints a summary', async () => {
    const out = path.join(dir, 'dpp.sarif');
    const run = await dpp('check', fixture('templates/unencrypted-database.yaml'), '--format', 'sarif', '--output', out, ...WORKLOAD);
    expect(run.code).toBe(1);
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).version).toBe('2.1.0');
    expect(run.stdout).toMatch(/^dpp: wrote .*dpp\.sarif: 1 template, 1 resource: \d+ errors?, 0 warnings, 0 acknowledged\n$/);
    expect(fs.readdirSync(dir)).toEqual(['dpp.sarif']);
  });

  test('JUnit output parses', async () => {
    const run = await dpp('check', fixture('templates/unencrypted-database.yaml'), '--format', 'junit', ...WORKLOAD);
    const root = parseXml(run.stdout);
    expect(root.attributes).toMatchObject({ name: 'dpp check', tests: '1', failures: '1' });
    expect(root.children[0].children[0].children.map((c) => c.name)).toEqual(['failure']);
  });

  describe('bad input: one line on stderr, exit 2, nothing written', () => {
    test.each([
      ['a missing file', ['check', 'test/fixtures/templates/missing.yaml'], /^dpp: test\/fixtures\/templates\/missing\.yaml: no such file or directory\n$/],
      ['an unparsable YAML template', ['check', fixture('templates/unparsable.yaml')], /^dpp: test\/fixtures\/templates\/unparsable\.yaml:\d+: invalid YAML: .*\n$/],
      ['an unparsable JSON template', ['check', fixture('templates/unparsable.json')], /^dpp: test\/fixtures\/templates\/unparsable\.json:5: invalid JSON: .*\n$/],
      ['not a CloudFormation template', ['check', fixture('templates/not-a-template.json')], /^dpp: .*not-a-template\.json: not a CloudFormation template \(no Resources map\)\n$/],
      ['an unknown flag', ['check', '--bogus', fixture('templates/no-rule-applies.yaml')], /^error: unknown option '--bogus'\n$/],
      ['an unknown format', ['check', '--format', 'xml', fixture('templates/no-rule-applies.yaml')], /^error: option .*--format <format>.* argument 'xml' is invalid\. Allowed choices are text, json, sarif, junit, markdown\.\n$/],
      ['no path', ['check'], /^error: missing required argument 'paths'\n$/],
    ])('%s', async (_name, args, stderr) => {
      const out = path.join(dir, 'report.json');
      const run = await dpp(...args, '--output', out);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(stderr);
      expect(run.stdout).toBe('');
      expect(fs.existsSync(out)).toBe(false);
    });

    test('an empty directory', async () => {
      const run = await dpp('check', dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`dpp: ${dir}: no CloudFormation templates (.json, .yaml, .yml, .template) in this directory\n`);
    });

    test('an unreadable file', async () => {
      // File modes do not stop root (CI containers): there, a file whose read fails does.
      let file = path.join(dir, 'secret.yaml');
      fs.writeFileSync(file, 'Resources: {}\n', { mode: 0o000 });
      if (process.getuid?.() === 0) file = '/proc/self/mem';
      const run = await dpp('check', file);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`^dpp: ${file}: (permission denied|cannot read \\(input/output error\\))\\n$`));
    });

    test('an output directory that does not exist', async () => {
      const run = await dpp('check', fixture('templates/no-rule-applies.yaml'), '--output', path.join(dir, 'no', 'such', 'x.json'));
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^dpp: cannot write .*x\.json: no such directory\n$/);
    });
  });

  test('--help documents formats, acknowledgments and exit codes', async () => {
    const run = await dpp('check', '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--format <format>');
    expect(run.stdout).toContain('rules_to_suppress');
    expect(run.stdout).toContain('Exit codes: 0');
  });
});

describe('dpp check --environment-controls-from (a workload app)', () => {
  test('reports the environment controls as provided by the named baseline, not run and never passed', async () => {
    const run = await dpp('check', fixture('templates/no-rule-applies.yaml'), '--environment-controls-from', 'DppBaseline-prod');
    expect(run.stdout).toContain('4 environment controls provided by DppBaseline-prod, not checked here: DPP-2.4-AccountPasswordPolicyPresent, DPP-2.7-SecurityTopicSubscribed, DPP-3.3-ConfigRecorderPresent, DPP-3.6-TrailPresent');
    expect(run.stdout).not.toContain('environment controls not checked');
    expect(run.code).toBe(0);
  });

  test('without it, an app with no dpp:environment tag gets the "environment controls not checked" warning', async () => {
    const run = await dpp('check', fixture('templates/no-rule-applies.yaml'));
    expect(run.stdout).toContain('environment controls not checked: the stack is not tagged dpp:environment');
  });

  test('an empty baseline name is bad input: one line, exit 2', async () => {
    const run = await dpp('check', fixture('templates/no-rule-applies.yaml'), '--environment-controls-from', ' ');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('dpp: --environment-controls-from: must name the baseline that provides the environment controls (e.g. DppBaseline-prod)\n');
  });
});

describe('dpp check --format markdown (the GitHub job summary)', () => {
  const WORKLOAD = ['--environment-controls-from', 'DppBaseline-prod'];

  test('the verdict, counts per clause, and each open finding with its place and fix', async () => {
    const run = await dpp('check', fixture('templates/unencrypted-database.yaml'), '--format', 'markdown', ...WORKLOAD);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^## DPP checks\n\n\*\*✖ Fails:\*\* \d+ unacknowledged errors? must be fixed or acknowledged with a reason\.\n/);
    expect(run.stdout).toContain('| Clause | Errors | Warnings | Acknowledged |');
    expect(run.stdout).toMatch(/\| DPP 3\.4 Encryption at Rest \| [1-9]\d* \| 0 \| 0 \|/);
    expect(run.stdout).toMatch(/### Open findings: [1-9]/);
    expect(run.stdout).toMatch(/- \*\*error\*\* `DPP-3\.4-RdsStorageEncrypted` \(DPP 3\.4 Encryption at Rest\) at `test\/fixtures\/templates\/unencrypted-database\.yaml:4`/);
    expect(run.stdout).toContain('  - Fix: Set StorageEncrypted: true');
  });

  test('--compare-to lists only what the change introduced', async () => {
    const same = await dpp('check', fixture('templates/unencrypted-database.yaml'), '--format', 'markdown', '--compare-to', fixture('templates/unencrypted-database.yaml'), ...WORKLOAD);
    expect(same.stdout).toContain('### New findings (introduced by this change): 0\n\nNone.');
    const fixed = await dpp('check', fixture('templates/unencrypted-database.yaml'), '--format', 'markdown', '--compare-to', fixture('templates/no-rule-applies.yaml'), ...WORKLOAD);
    expect(fixed.stdout).toMatch(/### New findings \(introduced by this change\): [1-9]/);
  });

  test('a clean check passes', async () => {
    const run = await dpp('check', fixture('templates/no-rule-applies.yaml'), '--format', 'markdown', ...WORKLOAD);
    expect(run.stdout).toContain('**✔ Passes:** no unacknowledged error.');
    expect(run.code).toBe(0);
  });
});

import type { Log } from 'sarif';
import { RuleSet } from '../../lib/checks/engine';
import { RdsStorageEncrypted } from '../../lib/checks/rules/3.4-encryption-at-rest/rds-storage-encrypted';
import { loadPaths } from '../../lib/loading/load-paths';
import { TemplateAcknowledgments } from '../../lib/reports/acknowledgments';
import { checkTemplates, isFailing, summarise } from '../../lib/reports/check-report';
import { checkJson, formatCheckJson, readCheckJson } from '../../lib/reports/check-json';
import { formatCheckJunit } from '../../lib/reports/check-junit';
import { artifactUri, checkSarif, formatCheckSarif } from '../../lib/reports/check-sarif';
import { formatCheckText } from '../../lib/reports/check-text';
import { expectGolden } from './golden';
import { parseXml, type XmlElement } from './xml-parser';

// One rule only, so the golden files do not change as the rule pack grows.
const RULES = new RuleSet([RdsStorageEncrypted]);
const FIXTURES = ['test/fixtures/templates/unencrypted-database.json', 'test/fixtures/templates/acknowledged-database.yaml', 'test/fixtures/templates/transform-and-custom-types.yaml'];
const report = () => checkTemplates(loadPaths(FIXTURES), RULES);

describe('the check report', () => {
  test('places findings at their resource line with construct path and acknowledgment', () => {
    const r = report();
    expect(r.findings.map((f) => [f.file.split('/').pop(), f.logicalId, f.line, f.acknowledged, f.acknowledgedReason ?? null, f.constructPath ?? null])).toEqual([
      ['unencrypted-database.json', 'Orders', 5, false, null, 'Shop/Orders/Resource'],
      ['acknowledged-database.yaml', 'Plain', 4, true, 'Holds only synthetic test data, deleted nightly', null],
      ['acknowledged-database.yaml', 'Qualified', 14, true, 'Written by cdk-nag 3 (pack-qualified ID)', null],
      ['acknowledged-database.yaml', 'NoReason', 24, false, null, null],
      ['acknowledged-database.yaml', 'NoReason', 24, false, null, null],
      ['transform-and-custom-types.yaml', 'Broken', 19, false, null, null],
    ]);
    expect(summarise(r)).toEqual({ templates: 3, resources: 8, errors: 4, warnings: 0, acknowledged: 2 });
    expect(r.notices.map((n) => n.message)).toEqual([
      'Transform AWS::Serverless-2016-10-31 is not expanded: the template was checked as written, so resources the transform generates were not checked',
    ]);
  });

  test('template-level acknowledgments cover findings about the whole stack only', () => {
    const acks = new TemplateAcknowledgments({
      Metadata: { cdk_nag: { rules_to_suppress: [{ id: 'DPP::DPP-3.5-X', reason: 'one account by design' }] } },
      Resources: { A: { Type: 'X::Y', Metadata: { cdk_nag: { rules_to_suppress: [{ id: 'DPP-3.4-Y' }, 'junk', { id: 3 }] } } } },
    });
    expect(acks.reasonFor('DPP-3.5-X', undefined)).toBe('one account by design');
    expect(acks.reasonFor('DPP-3.5-X', 'A')).toBeUndefined();
    expect(acks.reasonFor('DPP-3.4-Y', 'A')).toBeUndefined();
    expect(acks.naming(new Set(['DPP-3.4-Y']))).toEqual([{ ruleId: 'DPP-3.4-Y', reason: undefined, logicalId: 'A' }]);
  });

  test('--fail-on decides which findings fail', () => {
    const open = { acknowledged: false, level: 'warning' } as Parameters<typeof isFailing>[0];
    expect(isFailing(open, 'error')).toBe(false);
    expect(isFailing(open, 'warning')).toBe(true);
    expect(isFailing({ ...open, level: 'error', acknowledged: true }, 'warning')).toBe(false);
  });
});

describe('text', () => {
  test('golden', () => expectGolden('check.txt', formatCheckText(report(), { colour: false, failOn: 'error' })));

  test('colours only when asked', () => {
    expect(formatCheckText(report(), { colour: false, failOn: 'error' })).not.toContain('\u001b[');
    expect(formatCheckText(report(), { colour: true, failOn: 'error' })).toContain('\u001b[31merror\u001b[39m');
  });
});

describe('JSON', () => {
  test('golden', () => expectGolden('check.json', formatCheckJson(report())));

  test('has exactly the documented shape', () => {
    const json = checkJson(report());
    expect(Object.keys(json)).toEqual(['version', 'profile', 'findings', 'errors', 'summary']);
    expect(json).toMatchObject({ version: 2, profile: { name: 'dpp', base: 'dpp' } });
    expect(Object.keys(json.findings[0])).toEqual([
      'ruleId', 'clause', 'level', 'template', 'stack', 'logicalId', 'resourceType', 'constructPath', 'message', 'acknowledged', 'acknowledgedReason',
    ]);
    expect(Object.keys(json.summary)).toEqual(['templates', 'resources', 'errors', 'warnings', 'acknowledged']);
    expect(json.errors[0]).toEqual({ template: 'test/fixtures/templates/transform-and-custom-types.yaml', message: expect.stringContaining('not expanded') });
  });
});

describe('JSON versions', () => {
  test('version 1 stays readable: read as version 2 under the profile it was written with (dpp)', () => {
    const { version: _version, profile: _profile, ...body } = checkJson(report());
    const v1 = JSON.parse(JSON.stringify({ version: 1, ...body }));
    expect(readCheckJson(v1)).toEqual(checkJson(report()));
    expect(readCheckJson(JSON.parse(formatCheckJson(report())))).toEqual(checkJson(report()));
    expect(() => readCheckJson({ version: 3 })).toThrow('not dpp check JSON: version 3 (expected 1 or 2)');
  });
});

describe('SARIF', () => {
  test('golden', () => expectGolden('check.sarif', formatCheckSarif(report(), '0.0.0-test')));

  test('is SARIF 2.1.0 with every rule described and each result located at its resource line', () => {
    const log = JSON.parse(formatCheckSarif(report(), '1.2.3')) as Log;
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    const [run] = log.runs;
    expect(run.tool.driver).toMatchObject({ name: 'dpp', semanticVersion: '1.2.3' });
    const [rule] = run.tool.driver.rules!;
    expect(rule).toMatchObject({
      id: 'DPP-3.4-RdsStorageEncrypted',
      name: 'RdsStorageEncrypted',
      shortDescription: { text: RdsStorageEncrypted.description },
      fullDescription: { text: RdsStorageEncrypted.explanation },
      defaultConfiguration: { level: 'error' },
    });
    expect(rule.help!.text).toContain('DPP 3.4 Encryption at Rest');
    expect(rule.properties!.tags).toEqual(expect.arrayContaining(['security', 'DPP-3.4', 'DPP 3.4 Encryption at Rest']));
    expect(run.results).toHaveLength(6);
    for (const result of run.results!) {
      // The acknowledgment finding names no rule of the catalogue, so it has no ruleIndex.
      expect(result.ruleIndex).toBe(result.ruleId === 'DPP-Acknowledgment' ? undefined : 0);
      expect(result.level).toBe('error');
      expect(result.message.text).toContain('StorageEncrypted');
      expect(result.locations![0].physicalLocation!.region!.startLine).toBeGreaterThan(0);
    }
    expect(run.results![0].locations![0]).toMatchObject({
      physicalLocation: { artifactLocation: { uri: 'test/fixtures/templates/unencrypted-database.json' }, region: { startLine: 5 } },
      logicalLocations: [{ name: 'Orders', fullyQualifiedName: 'Shop/Orders/Resource' }],
    });
    expect(run.results![1].suppressions).toEqual([{ kind: 'inSource', status: 'accepted', justification: 'Holds only synthetic test data, deleted nightly' }]);
    expect(run.results![3].suppressions).toBeUndefined();
    expect(run.invocations![0].toolExecutionNotifications).toHaveLength(1);
  });

  test('artifact URIs are relative with forward slashes, or file URIs outside the working directory', () => {
    expect(artifactUri('./cdk.out/My Stack.template.json', '/repo')).toBe('cdk.out/My%20Stack.template.json');
    expect(artifactUri('/repo/cdk.out/S.template.json', '/repo')).toBe('cdk.out/S.template.json');
    expect(artifactUri('/elsewhere/S.json', '/repo')).toBe('file:///elsewhere/S.json');
  });

  test('with no findings, still lists every rule and no results', () => {
    const clean = checkSarif(checkTemplates(loadPaths(['test/fixtures/templates/no-rule-applies.yaml']), RULES), '0');
    expect(clean.runs[0].results).toEqual([]);
    expect(clean.runs[0].tool.driver.rules).toHaveLength(1);
  });
});

describe('JUnit', () => {
  const suites = (failOn: 'error' | 'warning' = 'error') => parseXml(formatCheckJunit(report(), failOn));
  const child = (e: XmlElement, name: string) => e.children.filter((c) => c.name === name);

  test('golden', () => expectGolden('check.junit.xml', formatCheckJunit(report(), 'error')));

  test('parses as XML: a testsuite per template, a testcase per checked resource, failures for unacknowledged findings', () => {
    const root = suites();
    expect(root.name).toBe('testsuites');
    expect(root.attributes).toMatchObject({ tests: '5', failures: '3' });
    const [json, acknowledged, transform] = child(root, 'testsuite');
    expect(json.attributes).toMatchObject({ name: 'test/fixtures/templates/unencrypted-database.json', tests: '1', failures: '1' });
    expect(acknowledged.attributes).toMatchObject({ tests: '3', failures: '1' });
    expect(transform.attributes).toMatchObject({ tests: '1', failures: '1' });
    const cases = child(acknowledged, 'testcase');
    expect(cases.map((c) => [c.attributes.name, c.attributes.line, child(c, 'failure').length, child(c, 'system-out').length])).toEqual([
      ['Plain (AWS::RDS::DBInstance)', '4', 0, 1],
      ['Qualified (AWS::RDS::DBInstance)', '14', 0, 1],
      ['NoReason (AWS::RDS::DBInstance)', '24', 1, 0],
    ]);
    const [failure] = child(cases[2], 'failure');
    expect(failure.attributes.type).toBe('DPP-3.4-RdsStorageEncrypted');
    expect(failure.text).toContain('[DPP 3.4 Encryption at Rest]');
  });

  test('escapes what XML cannot hold raw', () => {
    const r = report();
    const hostile = { ...r, findings: r.findings.map((f) => ({ ...f, message: `<b>&"'\u0001</b> ${f.message}` })) };
    const xml = formatCheckJunit(hostile, 'error');
    expect(xml).toContain('&lt;b&gt;&amp;&quot;&apos;&lt;/b&gt;');
    expect(() => parseXml(xml)).not.toThrow();
  });
});

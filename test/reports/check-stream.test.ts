import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkApp } from '../../lib/checks/engine';
import { dppRuleSet } from '../../lib/checks/rules';
import { TemplateIndex } from '../../lib/checks/template-index';
import { loadPaths } from '../../lib/loading/load-paths';
import { checkTemplates, resultsOf } from '../../lib/reports/check-report';
import { collectCheck } from '../../lib/reports/check-stream';
import { formatCheckText } from '../../lib/reports/check-text';
import { comparesAcrossStacks } from '../../lib/reports/template-result';
import { StreamedOutput } from '../../lib/cli/output';
import { dpp } from '../cli/run-cli';

/** A stack template with resources tagged with a DPP environment (or none), as loose files of an org-wide scan are. */
function stack(environment: string | undefined, extra: Record<string, unknown> = {}): object {
  const tags = environment ? [{ Key: 'dpp:environment', Value: environment }] : [];
  return {
    Resources: {
      Topic: { Type: 'AWS::SNS::Topic', Properties: { Tags: tags } },
      Db: { Type: 'AWS::RDS::DBInstance', Properties: { StorageEncrypted: false, Tags: tags } },
      ...extra,
    },
  };
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-stream-'));
  const write = (name: string, value: object) => fs.writeFileSync(path.join(dir, name), JSON.stringify(value, null, 2));
  // Templates without an environment before, between and after the ones app rules compare.
  write('a-plain.json', stack(undefined));
  write('b-prod.json', stack('prod', { Import: { Type: 'AWS::SNS::Topic', Properties: { TopicName: { 'Fn::ImportValue': 'shared-topic' } } } }));
  write('c-plain.json', stack(undefined));
  write('d-test.json', { ...stack('test'), Outputs: { T: { Value: 'x', Export: { Name: 'shared-topic' } } } });
  write('e-unknown.json', stack(undefined, { Tagged: { Type: 'AWS::SNS::Topic', Properties: { Tags: [{ Key: 'dpp:environment', Value: { Ref: 'Env' } }] } } }));
  write('f-plain.json', stack(undefined));
  fs.writeFileSync(path.join(dir, 'package.json'), '{"name":"not-a-template"}');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const INPUTS: Record<string, () => string[]> = {
  'loose templates, some compared across stacks': () => [dir],
  'a cloud assembly, then loose templates': () => ['test/fixtures/assemblies/staged-app', 'test/fixtures/templates/data-stores.yaml', dir],
  'a template named twice beside an assembly': () => ['test/fixtures/templates/unencrypted-database.json', 'test/fixtures/assemblies/staged-app', 'test/fixtures/templates/unencrypted-database.json'],
  // The loose file comes first, so the assembly is checked without it; then the assembly again, which contributes nothing.
  'an assembly template given loose first': () => ['test/fixtures/assemblies/staged-app/Shop-test.template.json', 'test/fixtures/assemblies/staged-app/assembly-Prod', 'test/fixtures/assemblies/staged-app'],
};

describe('the streamed check gives what checking everything at once gives', () => {
  for (const [name, paths] of Object.entries(INPUTS)) {
    test.each([1, 2])(`${name}, with %i job(s)`, async (jobs) => {
      const whole = checkTemplates(loadPaths(paths()));
      const streamed = await collectCheck(paths(), { jobs });
      expect(streamed.results.map((r) => ({ ...r, notices: [] }))).toEqual(resultsOf(whole));
      expect(streamed.notices).toEqual(whole.notices);
    });
  }

  test('app rules found what the loose templates share (the case that needs two passes)', async () => {
    const { results } = await collectCheck([dir]);
    const ids = results.flatMap((r) => r.findings.map((f) => f.ruleId));
    expect(ids).toContain('DPP-3.5-ProdDoesNotImportTest');
    expect(results.map((r) => path.basename(r.file))).toEqual(['a-plain.json', 'b-prod.json', 'c-plain.json', 'd-test.json', 'e-unknown.json', 'f-plain.json']);
  });
});

describe('the app rules keep the contract streaming relies on', () => {
  // Every app rule: a stack without an environment gets the same verdicts alone as with the others, and changes none of theirs.
  test('over the loose fixtures and the staged assembly', () => {
    const templates = [...loadPaths([dir, 'test/fixtures/templates/data-stores.yaml', 'test/fixtures/assemblies/staged-app']).groups.flatMap((g) => g.templates)];
    const rules = dppRuleSet();
    const indexes = templates.map((t) => new TemplateIndex(t.stack));
    const key = (f: { ruleId: string; templateId: string; logicalId?: string; message: string }) => `${f.ruleId} ${f.templateId} ${f.logicalId} ${f.message}`;
    const together = checkApp(rules, indexes).map(key).sort();
    const compared = indexes.filter(comparesAcrossStacks);
    const apart = [...checkApp(rules, compared), ...indexes.filter((i) => !comparesAcrossStacks(i)).flatMap((i) => checkApp(rules, [i]))].map(key).sort();
    expect(compared.length).toBeGreaterThan(1);
    expect(apart).toEqual(together);
  });
});

describe('dpp check --jobs and streamed output (in-process)', () => {
  test.each(['0', '-1', '1.5', 'two', '65'])('--jobs %s: one line naming the option, exit 2, no report', async (value) => {
    const run = await dpp('check', 'test/fixtures/templates/no-rule-applies.yaml', '--jobs', value);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/--jobs <n>.*invalid.*whole number of worker threads from 1 to 64/)]);
  });

  test.each(['text', 'sarif'])('%s is byte for byte the same with 1 and 3 jobs', async (format) => {
    const one = await dpp('check', dir, 'test/fixtures/assemblies/staged-app', '--format', format);
    const three = await dpp('check', dir, 'test/fixtures/assemblies/staged-app', '--format', format, '--jobs', '3');
    expect(three).toEqual(one);
    expect(one.code).toBe(1);
  });

  test('bad input after good templates: exit 2, nothing on stdout, no --output and no spool left behind', async () => {
    const bad = fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-stream-bad-'));
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-stream-out-'));
    try {
      fs.copyFileSync('test/fixtures/templates/unencrypted-database.json', path.join(bad, 'a.json'));
      fs.copyFileSync('test/fixtures/templates/unparsable.json', path.join(bad, 'z.json'));
      for (const args of [[], ['--output', path.join(out, 'report.sarif')]]) {
        const run = await dpp('check', bad, '--format', 'sarif', ...args);
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(/^dpp: .*z\.json:5: invalid JSON/);
      }
      expect(fs.readdirSync(out)).toEqual([]);
      expect(fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith(`.dpp-report.${process.pid}.`))).toEqual([]);
    } finally {
      fs.rmSync(bad, { recursive: true, force: true });
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('the spooled report (in-process)', () => {
  test('a report of several 1 MiB chunks reaches stdout whole, character for character', async () => {
    const big = fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-stream-big-'));
    try {
      const db = { Type: 'AWS::RDS::DBInstance', Properties: { StorageEncrypted: false, PubliclyAccessible: true } };
      for (let t = 0; t < 32; t++) {
        const resources = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`Db${i}`, db]));
        fs.writeFileSync(path.join(big, `t${String(t).padStart(2, '0')}.json`), JSON.stringify({ Resources: resources }, null, 2));
      }
      const run = await dpp('check', big);
      expect(Buffer.byteLength(run.stdout)).toBeGreaterThan(1 << 20);
      expect(run.stdout).toBe(formatCheckText(checkTemplates(loadPaths([big])), { colour: false, failOn: 'error' }));
    } finally {
      fs.rmSync(big, { recursive: true, force: true });
    }
  });

  test('a chunk boundary inside a character never splits it on stdout', () => {
    const written: string[] = [];
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array) => {
      written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
      return true;
    }) as typeof process.stdout.write);
    try {
      const out = new StreamedOutput(undefined, 1);
      out.write('✖ error — 3.4 ✓');
      out.finish('head ', ' tail');
    } finally {
      stdout.mockRestore();
    }
    expect(written.join('')).toBe('head ✖ error — 3.4 ✓ tail');
  });
});

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseEnvironment } from '../../lib/loading/cloud-assembly';
import { InputError } from '../../lib/loading/errors';
import { loadPaths } from '../../lib/loading/load-paths';

const TEMPLATE = '{"Resources": {"Handle": {"Type": "AWS::CloudFormation::WaitConditionHandle"}}}';

describe('loadPaths', () => {
  test('a cloud assembly is one group: its stacks, nested assemblies and nested stacks, with accounts and regions', () => {
    const { groups } = loadPaths(['test/fixtures/assemblies/staged-app']);
    expect(groups).toHaveLength(1);
    expect(groups[0].templates.map((t) => [t.file, t.stack.stackName, t.stack.account, t.stack.region])).toEqual([
      ['test/fixtures/assemblies/staged-app/Shop-test.template.json', 'Shop-test', '111111111111', 'eu-west-1'],
      ['test/fixtures/assemblies/staged-app/ShoptestCatalogue1234ABCD.nested.template.json', 'Shop-test/Catalogue', '111111111111', 'eu-west-1'],
      ['test/fixtures/assemblies/staged-app/assembly-Prod/ProdShop.template.json', 'Shop-prod', '222222222222', 'eu-west-1'],
    ]);
    expect(groups[0].templates.every((t) => t.stack.id === t.file)).toBe(true);
  });

  test('loose templates of one invocation form one group after the assemblies; a file given twice is read once', () => {
    const file = 'test/fixtures/templates/no-rule-applies.yaml';
    const { groups } = loadPaths([file, 'test/fixtures/assemblies/staged-app', file]);
    expect(groups.map((g) => [g.source, g.templates.length])).toEqual([['test/fixtures/assemblies/staged-app', 3], ['templates', 1]]);
  });

  test('environments of unknown account or region are left undefined', () => {
    expect(parseEnvironment('aws://unknown-account/unknown-region')).toEqual({ account: undefined, region: undefined });
    expect(parseEnvironment('aws://123456789012/us-east-1')).toEqual({ account: '123456789012', region: 'us-east-1' });
    expect(parseEnvironment(42)).toEqual({});
  });

  describe('directories', () => {
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-load-'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    test('walks recursively in order, follows links once (a loop ends), skips non-templates, node_modules and hidden folders', () => {
      fs.mkdirSync(path.join(dir, 'b', 'deeper'), { recursive: true });
      fs.mkdirSync(path.join(dir, 'node_modules'));
      fs.mkdirSync(path.join(dir, '.git'));
      fs.writeFileSync(path.join(dir, 'a.json'), TEMPLATE);
      fs.writeFileSync(path.join(dir, 'b', 'deeper', 'c.template'), TEMPLATE);
      fs.writeFileSync(path.join(dir, 'b', 'package.json'), '{"name": "x"}');
      fs.writeFileSync(path.join(dir, 'b', 'notes.txt'), 'not a template');
      fs.writeFileSync(path.join(dir, 'node_modules', 'x.json'), TEMPLATE);
      fs.writeFileSync(path.join(dir, '.git', 'x.json'), TEMPLATE);
      fs.symlinkSync(dir, path.join(dir, 'b', 'loop'));
      fs.symlinkSync(path.join(dir, 'gone.json'), path.join(dir, 'dangling.json'));
      const { groups, notices } = loadPaths([dir]);
      expect(groups[0].templates.map((t) => path.relative(dir, t.file))).toEqual(['a.json', path.join('b', 'deeper', 'c.template')]);
      expect(notices).toEqual([
        { template: path.join(dir, 'dangling.json'), message: 'skipped: no such file or directory' },
        { template: path.join(dir, 'b', 'package.json'), message: 'skipped: not a CloudFormation template' },
      ]);
    });

    test('an empty directory, or one without templates, is bad input', () => {
      expect(() => loadPaths([dir])).toThrow(new InputError(`${dir}: no CloudFormation templates (.json, .yaml, .yml, .template) in this directory`));
      fs.writeFileSync(path.join(dir, 'package.json'), '{"name": "x"}');
      expect(() => loadPaths([dir])).toThrow(/no CloudFormation templates/);
    });

    test('an unparsable template in a directory is bad input', () => {
      fs.writeFileSync(path.join(dir, 'a.yaml'), 'Resources: [\n');
      expect(() => loadPaths([dir])).toThrow(/a\.yaml:\d+: invalid YAML/);
    });

    test('a manifest naming a missing template, or an assembly with no stacks, is bad input', () => {
      fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ artifacts: { S: { type: 'aws:cloudformation:stack', properties: { templateFile: 'S.template.json' } } } }));
      expect(() => loadPaths([dir])).toThrow(`${path.join(dir, 'S.template.json')}: no such file or directory`);
      fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ artifacts: {} }));
      expect(() => loadPaths([dir])).toThrow(/the cloud assembly has no stack templates/);
      fs.writeFileSync(path.join(dir, 'manifest.json'), '{');
      expect(() => loadPaths([dir])).toThrow(/manifest\.json: invalid JSON/);
    });
  });

  test('a missing path is bad input', () => {
    expect(() => loadPaths(['nowhere/cdk.out'])).toThrow(new InputError('nowhere/cdk.out: no such file or directory'));
  });
});

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InputError } from '../../lib/loading/errors';
import { MAX_NESTING_DEPTH, MAX_TEMPLATE_BYTES } from '../../lib/loading/limits';
import { parseTemplate, readTemplateFile } from '../../lib/loading/parse-template';

function problem(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).not.toContain('\n');
    return (error as Error).message;
  }
  throw new Error('expected an InputError');
}

describe('parseTemplate', () => {
  test('gives the line of each resource in YAML and JSON', () => {
    const yaml = readTemplateFile('test/fixtures/templates/acknowledged-database.yaml');
    expect([...yaml.resourceLines]).toEqual([['Plain', 4], ['Qualified', 14], ['NoReason', 24]]);
    expect(yaml.resourcesLine).toBe(3);
    const json = readTemplateFile('test/fixtures/templates/unencrypted-database.json');
    expect([...json.resourceLines]).toEqual([['Orders', 5]]);
    expect(json.resourcesLine).toBe(4);
  });

  test('JSON lines ignore look-alike keys nested deeper or inside strings', () => {
    const text = '{"Metadata": {"Resources": {"Fake": 1}}, "Description": "\\"Resources\\": {",\n"Resources": {\n "A": {"Type": "X::Y", "Properties": {"B": {"C": 1}}},\n "B\\u0041": {"Type": "X::Y"}}}';
    expect([...parseTemplate(text, 't.json').resourceLines]).toEqual([['A', 3], ['BA', 4]]);
  });

  test.each([
    ['test/fixtures/templates/unparsable.yaml', /^test\/fixtures\/templates\/unparsable\.yaml:\d+: invalid YAML: /],
    ['test/fixtures/templates/unparsable.json', /^test\/fixtures\/templates\/unparsable\.json:5: invalid JSON: /],
    ['test/fixtures/templates/not-a-template.json', /not a CloudFormation template \(no Resources map\)/],
  ])('%s is refused with file and line', (file, message) => {
    expect(problem(() => readTemplateFile(file))).toMatch(message);
  });

  test('refuses duplicate keys, non-mapping documents, Resources that is not a map, and empty files', () => {
    expect(problem(() => parseTemplate('Resources:\n  A: {Type: X}\n  A: {Type: Y}\n', 'd.yaml'))).toMatch(/^d\.yaml:3: invalid YAML: .*unique/i);
    expect(problem(() => parseTemplate('- a\n- b\n', 'l.yaml'))).toMatch(/not a mapping/);
    expect(problem(() => parseTemplate('Resources: [a]\n', 'r.yaml'))).toMatch(/no Resources map/);
    expect(problem(() => parseTemplate('  \n', 'e.yaml'))).toMatch(/empty file/);
    expect(problem(() => parseTemplate('Resources:\n  A:\n    Type: !Foo bar\n', 'tag.yaml'))).toBe('tag.yaml:3: invalid YAML: Unresolved tag: !Foo');
  });

  test('refuses 10,000 levels of nesting in JSON and YAML without overflowing the stack', () => {
    const deep = 10_000;
    const json = `{"Resources": {"A": {"Type": "X::Y", "Properties": {"P": ${'['.repeat(deep)}${']'.repeat(deep)}}}}}`;
    expect(problem(() => parseTemplate(json, 'deep.json'))).toMatch(new RegExp(`nested more than ${MAX_NESTING_DEPTH} levels`));
    const flow = `Resources:\n  A:\n    Type: X::Y\n    Properties:\n      P: ${'['.repeat(deep)}${']'.repeat(deep)}\n`;
    expect(problem(() => parseTemplate(flow, 'deep.yaml'))).toMatch(/^deep\.yaml(:\d+)?: (invalid YAML: nested too deeply|nested more than)/);
    let block = 'Resources:\n  A:\n    Type: X::Y\n    Properties:\n';
    for (let i = 0; i < 3000; i++) block += `${' '.repeat(6 + i)}k:\n`;
    expect(problem(() => parseTemplate(block, 'block.yaml'))).toMatch(/^block\.yaml(:\d+)?: (invalid YAML|nested more than)/);
  });

  test('refuses a YAML alias bomb', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    lines.push('Resources:\n  A:\n    Type: X::Y\n    Properties:\n      P: *j');
    expect(problem(() => parseTemplate(lines.join('\n'), 'bomb.yaml'))).toMatch(/^bomb\.yaml: invalid YAML: .*alias/i);
  });

  describe('files', () => {
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-parse-'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    test('refuses binary files, text that is not UTF-8, directories, missing files, and files over the size limit', () => {
      const binary = path.join(dir, 'b.json');
      fs.writeFileSync(binary, Buffer.from([0x7b, 0x00, 0x01, 0x02]));
      expect(problem(() => readTemplateFile(binary))).toBe(`${binary}: a binary file, not a CloudFormation template`);
      const latin1 = path.join(dir, 'l.yaml');
      fs.writeFileSync(latin1, Buffer.from('Resources: {}\nDescription: caf\xe9\n', 'latin1'));
      expect(problem(() => readTemplateFile(latin1))).toMatch(/not UTF-8 text/);
      expect(problem(() => readTemplateFile(dir))).toBe(`${dir}: is a directory`);
      expect(problem(() => readTemplateFile(path.join(dir, 'missing.yaml')))).toMatch(/missing\.yaml: no such file or directory$/);
      const huge = path.join(dir, 'huge.json');
      fs.writeFileSync(huge, '');
      fs.truncateSync(huge, MAX_TEMPLATE_BYTES + 1);
      expect(problem(() => readTemplateFile(huge))).toMatch(/over the 32 MiB limit/);
    });

    test('reads a UTF-8 byte-order mark', () => {
      const file = path.join(dir, 'bom.json');
      fs.writeFileSync(file, '\ufeff{"Resources": {"A": {"Type": "X::Y"}}}');
      expect(readTemplateFile(file).template.Resources).toEqual({ A: { Type: 'X::Y' } });
    });
  });
});

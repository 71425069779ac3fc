import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InputError } from '../../lib/loading/errors';
import type { LoadedTemplate } from '../../lib/loading/loaded-template';
import { loadPaths } from '../../lib/loading/load-paths';
import { stackSetBodies } from '../../lib/loading/stack-set-bodies';
import { checkTemplates, resultsOf } from '../../lib/reports/check-report';
import { collectCheck } from '../../lib/reports/check-stream';
import { dpp } from '../cli/run-cli';

/** A bucket without encryption settings or TLS policy: the DPP pack finds it. */
const body = { Resources: { Bucket: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'org-controls' } } } };

function withStackSets(resources: Record<string, unknown>): LoadedTemplate {
  return { stack: { id: 'org.json', stackName: 'Org', template: { Resources: resources } as never }, file: 'org.json', resourceLines: new Map([['ControlsSet', 7]]) };
}

describe('StackSet template bodies are templates of their own (dpp check)', () => {
  test('a literal TemplateBody, JSON or YAML, becomes a template named after its StackSet, pointing at the StackSet\'s line', () => {
    const bodies = stackSetBodies(withStackSets({
      ControlsSet: { Type: 'AWS::CloudFormation::StackSet', Properties: { TemplateBody: JSON.stringify(body) } },
      YamlSet: { Type: 'AWS::CloudFormation::StackSet', Properties: { TemplateBody: 'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n' } },
    }));
    expect(bodies.map((b) => [b.stack.id, b.stack.stackName, b.resourcesLine, Object.keys(b.stack.template.Resources ?? {})])).toEqual([
      ['org.json#ControlsSet', 'Org/ControlsSet', 7, ['Bucket']],
      ['org.json#YamlSet', 'Org/YamlSet', undefined, ['Topic']],
    ]);
    expect(bodies[0].stack.account).toBeUndefined();
  });

  test('a TemplateURL or a body given by an intrinsic is not read', () => {
    expect(stackSetBodies(withStackSets({
      ByUrl: { Type: 'AWS::CloudFormation::StackSet', Properties: { TemplateURL: 'https://example.com/t.json' } },
      BySub: { Type: 'AWS::CloudFormation::StackSet', Properties: { TemplateBody: { 'Fn::Sub': '{"Resources":{}}' } } },
    }))).toEqual([]);
  });

  test('a body that is not a template is bad input naming the StackSet', () => {
    expect(() => stackSetBodies(withStackSets({ ControlsSet: { Type: 'AWS::CloudFormation::StackSet', Properties: { TemplateBody: '{"Parameters": {}}' } } })))
      .toThrow(new InputError('org.json#ControlsSet.TemplateBody: not a CloudFormation template (no Resources map)'));
  });

  test('dpp check of a cloud assembly checks the StackSet\'s body with the rules', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-stackset-'));
    try {
      const org = { Resources: { ControlsSet: { Type: 'AWS::CloudFormation::StackSet', Properties: { StackSetName: 'controls', PermissionModel: 'SERVICE_MANAGED', TemplateBody: JSON.stringify(body) } } } };
      fs.writeFileSync(path.join(dir, 'Org.template.json'), JSON.stringify(org, null, 1));
      fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ version: '36.0.0', artifacts: { Org: { type: 'aws:cloudformation:stack', environment: 'aws://999999999999/eu-west-1', properties: { templateFile: 'Org.template.json', stackName: 'Org' } } } }));
      const { results } = await collectCheck([dir]);
      // In memory too: the body shares its file with the stack that declares it, and the assembly claims both.
      const file = path.join(dir, 'Org.template.json');
      expect(loadPaths([dir]).groups[0].templates.map((t) => t.stack.id)).toEqual([file, `${file}#ControlsSet`]);
      expect(results.map((r) => ({ ...r, notices: [] }))).toEqual(resultsOf(checkTemplates(loadPaths([dir]))));
      const inBody = results.find((r) => r.stackName === 'Org/ControlsSet');
      expect(inBody).toBeDefined();
      expect(inBody!.findings.filter((f) => f.logicalId === 'Bucket' && f.level === 'error').length).toBeGreaterThan(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** A template declaring one StackSet with a literal body, as `DppBaseline-organization.template.json` does. */
function organizationTemplate(templateBody: string): object {
  return { Resources: { ControlsSet: { Type: 'AWS::CloudFormation::StackSet', Properties: { StackSetName: 'controls', PermissionModel: 'SERVICE_MANAGED', TemplateBody: templateBody } } } };
}

describe('dpp check of loose template files checks their StackSets\' bodies too', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-loose-stackset-'));
    const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
    write('a-plain.json', JSON.stringify({ Resources: { Topic: { Type: 'AWS::SNS::Topic' } } }, null, 1));
    write('b-org.template.json', JSON.stringify(organizationTemplate(JSON.stringify(body)), null, 1));
    // A YAML file with a YAML body whose resources carry dpp:environment: the app rules compare it with d-test.
    write('c-org.yaml', [
      'Resources:',
      '  TaggedSet:',
      '    Type: AWS::CloudFormation::StackSet',
      '    Properties:',
      '      PermissionModel: SERVICE_MANAGED',
      '      TemplateBody: |',
      '        Resources:',
      '          Db:',
      '            Type: AWS::RDS::DBInstance',
      '            Properties:',
      '              StorageEncrypted: false',
      '              Tags: [{ Key: dpp:environment, Value: prod }]',
      '',
    ].join('\n'));
    write('d-test.json', JSON.stringify({ Resources: { Topic: { Type: 'AWS::SNS::Topic', Properties: { Tags: [{ Key: 'dpp:environment', Value: 'test' }] } } } }, null, 1));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('a non-compliant JSON body: findings name <file>#<logicalId> and point at the StackSet\'s line', async () => {
    const file = path.join(dir, 'b-org.template.json');
    const { results } = await collectCheck([file]);
    expect(results.map((r) => r.stackName ?? r.file)).toEqual([file, `${file}/ControlsSet`]);
    const inBody = results[1].findings.filter((f) => f.level === 'error');
    expect(inBody.length).toBeGreaterThan(0);
    expect(new Set(inBody.map((f) => f.templateId))).toEqual(new Set([`${file}#ControlsSet`]));
    expect(inBody.every((f) => f.file === file && f.logicalId === 'Bucket' && f.line === 3)).toBe(true);
  });

  test('a YAML body in a YAML file is checked, app rules included (it names a DPP environment)', async () => {
    const file = path.join(dir, 'c-org.yaml');
    const { results } = await collectCheck([dir]);
    const inBody = results.find((r) => r.stackName === `${file}/TaggedSet`)!;
    expect(inBody.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['DPP-3.4-RdsStorageEncrypted', 'DPP-3.6-TrailPresent']));
    expect(inBody.findings.every((f) => f.templateId === `${file}#TaggedSet`)).toBe(true);
  });

  test.each([1, 2])('the streamed check (%i job(s)) gives what checking everything at once gives', async (jobs) => {
    const whole = checkTemplates(loadPaths([dir]));
    const streamed = await collectCheck([dir], { jobs });
    expect(streamed.results.map((r) => ({ ...r, notices: [] }))).toEqual(resultsOf(whole));
    expect(streamed.results.map((r) => r.stackName ?? r.file)).toEqual([
      path.join(dir, 'a-plain.json'), path.join(dir, 'b-org.template.json'), `${path.join(dir, 'b-org.template.json')}/ControlsSet`,
      path.join(dir, 'c-org.yaml'), `${path.join(dir, 'c-org.yaml')}/TaggedSet`, path.join(dir, 'd-test.json'),
    ]);
  });

  test.each([['named', false], ['found in a directory', true]])('a body that does not parse (file %s): one line naming the file and the StackSet, exit 2, no report', async (_, inDirectory) => {
    const bad = fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-bad-stackset-'));
    const file = path.join(bad, 'org.json');
    fs.writeFileSync(file, JSON.stringify(organizationTemplate('{"Resources": {'), null, 1));
    for (const jobs of ['1', '2']) {
      const run = await dpp('check', inDirectory ? bad : file, '--jobs', jobs);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toEqual([expect.stringContaining(`${file}#ControlsSet.TemplateBody`)]);
      expect(run.stderr).toMatch(/invalid JSON/);
    }
    fs.rmSync(bad, { recursive: true, force: true });
  });
});

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InputError } from '../../lib/loading/errors';
import type { LoadedTemplate } from '../../lib/loading/loaded-template';
import { stackSetBodies } from '../../lib/loading/stack-set-bodies';
import { collectCheck } from '../../lib/reports/check-stream';

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
    const org = { Resources: { ControlsSet: { Type: 'AWS::CloudFormation::StackSet', Properties: { StackSetName: 'controls', PermissionModel: 'SERVICE_MANAGED', TemplateBody: JSON.stringify(body) } } } };
    fs.writeFileSync(path.join(dir, 'Org.template.json'), JSON.stringify(org, null, 1));
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ version: '36.0.0', artifacts: { Org: { type: 'aws:cloudformation:stack', environment: 'aws://999999999999/eu-west-1', properties: { templateFile: 'Org.template.json', stackName: 'Org' } } } }));
    const { results } = await collectCheck([dir]);
    const inBody = results.find((r) => r.stackName === 'Org/ControlsSet');
    expect(inBody).toBeDefined();
    expect(inBody!.findings.filter((f) => f.logicalId === 'Bucket' && f.level === 'error').length).toBeGreaterThan(0);
  });
});

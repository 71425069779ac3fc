import { TrailPresent } from '../../../../lib/checks/rules/3.6-logging-monitoring/trail-present';
import type { StackTemplate } from '../../../../lib/checks/template';
import { check, template } from '../../../helpers/check';
import { expectOneFailure, expectOneUnresolvable } from '../../../helpers/rule-expectations';

const tagged = (environment: string) => ({ Type: 'AWS::SNS::Topic', Properties: { Tags: [{ Key: 'dpp:environment', Value: environment }] } });
const TRAIL = { Type: 'AWS::CloudTrail::Trail', Properties: { IsLogging: true, S3BucketName: 'trail-bucket' } };
const stack = (id: string, resources: Record<string, unknown>): StackTemplate => ({ id, stackName: id, template: template(resources as never) });

describe('DPP-3.6-TrailPresent', () => {
  test('passes when every environment has a trail in one of its stacks; untagged stacks are not environments', () => {
    const stacks = [
      stack('TestBaseline', { T: tagged('test'), Trail: TRAIL }),
      stack('ProdApp', { T: tagged('prod') }),
      stack('ProdBaseline', { T: tagged('prod'), Trail: TRAIL }),
      stack('Untagged', { X: { Type: 'AWS::SNS::Topic', Properties: {} } }),
    ];
    // The untagged stack is no environment: it only gets the per-stack "not checked" warning.
    expect(check(stacks, [TrailPresent])).toEqual([expect.objectContaining({ level: 'warning', templateId: 'Untagged', message: expect.stringContaining('environment controls not checked') })]);
  });

  test('fails an environment without a trail, on its first stack', () => {
    const findings = check([stack('Test', { T: tagged('test'), Trail: TRAIL }), stack('Prod', { T: tagged('prod') })], [TrailPresent]);
    expect(expectOneFailure(findings, TrailPresent, undefined, /environment prod has no CloudTrail trail \(stacks: Prod\)/).templateId).toBe('Prod');
  });

  test('warns when the only trail is under a Condition', () => {
    expectOneUnresolvable(check([stack('Prod', { T: tagged('prod'), Trail: { ...TRAIL, Condition: 'IsProd' } })], [TrailPresent]), 'Condition');
  });

  test('warns when a stack\'s environment tag is given by a parameter', () => {
    const untold = stack('Prod', { T: { Type: 'AWS::SNS::Topic', Properties: { Tags: [{ Key: 'dpp:environment', Value: { Ref: 'Env' } }] } } });
    const findings = check([{ ...untold, template: { ...untold.template, Parameters: { Env: { Type: 'String' } } } }], [TrailPresent]);
    expect(expectOneUnresolvable(findings, 'Tags.dpp:environment').message).toMatch(/parameter Env/);
  });
});

import { ConfigRecorderPresent } from '../../../../lib/checks/rules/3.3-asset-management/config-recorder-present';
import type { StackTemplate } from '../../../../lib/checks/template';
import { check, template } from '../../../helpers/check';
import { expectOneFailure, expectOneUnresolvable } from '../../../helpers/rule-expectations';

const tagged = (environment: string) => ({ Type: 'AWS::SNS::Topic', Properties: { Tags: [{ Key: 'dpp:environment', Value: environment }] } });
const RECORDER = { Type: 'AWS::Config::ConfigurationRecorder', Properties: { RoleARN: 'arn:aws:iam::111111111111:role/config' } };
const stack = (id: string, resources: Record<string, unknown>): StackTemplate => ({ id, stackName: id, template: template(resources as never) });

describe('DPP-3.3-ConfigRecorderPresent', () => {
  test('passes when every environment has a recorder in one of its stacks', () => {
    const stacks = [
      stack('TestBaseline', { T: tagged('test'), Recorder: RECORDER }),
      stack('TestApp', { T: tagged('test') }),
      stack('ProdBaseline', { T: tagged('prod'), Recorder: RECORDER }),
      stack('Untagged', { X: { Type: 'AWS::SNS::Topic', Properties: {} } }),
    ];
    // The untagged stack is no environment: it only gets the per-stack "not checked" warning.
    expect(check(stacks, [ConfigRecorderPresent])).toEqual([expect.objectContaining({ level: 'warning', templateId: 'Untagged', message: expect.stringContaining('environment controls not checked') })]);
  });

  test('fails an environment without a recorder, on its first stack', () => {
    const findings = check([stack('TestBaseline', { T: tagged('test'), Recorder: RECORDER }), stack('ProdApp', { T: tagged('prod') })], [ConfigRecorderPresent]);
    const finding = expectOneFailure(findings, ConfigRecorderPresent, undefined, /environment prod has no AWS Config configuration recorder \(stacks: ProdApp\)/);
    expect(finding.templateId).toBe('ProdApp');
  });

  test('warns when the only recorder is under a Condition', () => {
    const conditional = stack('Prod', { T: tagged('prod'), Recorder: { ...RECORDER, Condition: 'EnableConfig' } });
    expectOneUnresolvable(check([conditional], [ConfigRecorderPresent]), 'Condition');
  });
});

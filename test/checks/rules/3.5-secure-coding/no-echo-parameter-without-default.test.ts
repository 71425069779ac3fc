import { NoEchoParameterWithoutDefault } from '../../../../lib/checks/rules/3.5-secure-coding/no-echo-parameter-without-default';
import { check, template } from '../../../helpers/check';
import { expectOneFailure } from '../../../helpers/rule-expectations';

const stack = (parameters: Record<string, unknown>) => [{ id: 'App', stackName: 'App', template: template({}, { Parameters: parameters as never }) }];

describe('DPP-3.5-NoEchoParameterWithoutDefault', () => {
  test('passes NoEcho parameters without a Default, and plain parameters with one', () => {
    expect(check(stack({
      Secret: { Type: 'String', NoEcho: true },
      Optional: { Type: 'String', NoEcho: 'true', Default: '' },
      Stage: { Type: 'String', Default: 'test' },
      FromSsm: { Type: 'AWS::SSM::Parameter::Value<String>', NoEcho: true, Default: '/app/name' },
    }), [NoEchoParameterWithoutDefault])).toEqual([]);
  });

  test('fails a NoEcho parameter with a Default, on the stack', () => {
    const finding = expectOneFailure(check(stack({ DbPassword: { Type: 'String', NoEcho: 'true', Default: 'changeme' } }), [NoEchoParameterWithoutDefault]), NoEchoParameterWithoutDefault, undefined, /NoEcho parameter DbPassword has a Default/);
    expect(finding).toMatchObject({ templateId: 'App', property: 'Parameters.DbPassword.Default' });
    expect(finding.message).not.toContain('changeme');
  });
});

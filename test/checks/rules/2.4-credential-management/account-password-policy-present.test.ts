import { AccountPasswordPolicyPresent } from '../../../../lib/checks/rules/2.4-credential-management/account-password-policy-present';
import type { StackTemplate } from '../../../../lib/checks/template';
import { check, template } from '../../../helpers/check';
import { expectOneFailure, expectOneUnresolvable } from '../../../helpers/rule-expectations';

const tagged = (environment: string) => ({ Type: 'AWS::SNS::Topic', Properties: { Tags: [{ Key: 'dpp:environment', Value: environment }] } });
const POLICY = { Type: 'Custom::AccountPasswordPolicy', Properties: { ServiceToken: 'arn:aws:lambda:eu-west-1:111111111111:function:p', MinimumPasswordLength: 14 } };
const stack = (id: string, resources: Record<string, unknown>): StackTemplate => ({ id, stackName: id, template: template(resources as never) });

describe('DPP-2.4-AccountPasswordPolicyPresent', () => {
  test('passes when each environment sets the password policy', () => {
    expect(check([stack('Test', { T: tagged('test'), P: POLICY }), stack('Prod', { T: tagged('prod'), P: POLICY })], [AccountPasswordPolicyPresent])).toEqual([]);
  });

  test('reports, as a warning, an environment without one', () => {
    const finding = expectOneFailure(check([stack('Prod', { T: tagged('prod') })], [AccountPasswordPolicyPresent]), AccountPasswordPolicyPresent, undefined, /environment prod has no IAM account password policy resource/, 'warning');
    expect(finding.templateId).toBe('Prod');
  });

  test('warns when the only one is under a Condition', () => {
    expectOneUnresolvable(check([stack('Prod', { T: tagged('prod'), P: { ...POLICY, Condition: 'IsProd' } })], [AccountPasswordPolicyPresent]), 'Condition');
  });
});

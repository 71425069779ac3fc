import { LogGroupDataProtection } from '../../../../lib/checks/rules/3.6-logging-monitoring/log-group-data-protection';
import type { StackTemplate } from '../../../../lib/checks/template';
import { check, template } from '../../../helpers/check';
import { expectOneFailure, expectOneUnresolvable } from '../../../helpers/rule-expectations';

const ENV_TAG = [{ Key: 'dpp:environment', Value: 'prod' }];
const ids = (...names: string[]) => names.map((n) => `arn:aws:dataprotection::aws:data-identifier/${n}`);
const ALL = ids('Name', 'Address', 'EmailAddress', 'PhoneNumber-US', 'CreditCardNumber');
const document = (audit: string[], mask: string[]) => ({
  Version: '2021-06-01',
  Statement: [
    { Sid: 'audit', DataIdentifier: audit, Operation: { Audit: { FindingsDestination: { CloudWatchLogs: { LogGroup: 'findings' } } } } },
    { Sid: 'mask', DataIdentifier: mask, Operation: { Deidentify: { MaskConfig: {} } } },
  ],
});
const logGroup = (extra: Record<string, unknown> = {}) => ({ Type: 'AWS::Logs::LogGroup', Properties: { Tags: ENV_TAG, ...extra } });
const accountPolicy = (doc: unknown, extra: Record<string, unknown> = {}) => ({ Type: 'AWS::Logs::AccountPolicy', Properties: { PolicyName: 'p', PolicyType: 'DATA_PROTECTION_POLICY', Scope: 'ALL', PolicyDocument: doc }, ...extra });
const stack = (resources: Record<string, unknown>, region = 'eu-west-1', extra = {}): StackTemplate => ({ id: `Prod-${region}`, stackName: `Prod-${region}`, region, template: template(resources as never, extra) });
const run = (...stacks: StackTemplate[]) => check(stacks, [LogGroupDataProtection]);

describe('DPP-3.6-LogGroupDataProtection', () => {
  test('passes log groups under an account policy of their region, written as the construct writes it (a JSON string built with Fn::Join)', () => {
    const [before, after] = JSON.stringify(document(ALL, ALL)).split('"findings"');
    const joined = { 'Fn::Join': ['', [`${before}"`, { Ref: 'Findings' }, `"${after}`]] };
    expect(run(stack({ Logs: logGroup(), Findings: logGroup(), Policy: accountPolicy(joined) }))).toEqual([]);
    expect(run(stack({ Logs: logGroup(), Findings: logGroup(), Policy: accountPolicy(JSON.stringify(document(ALL, ALL))) }))).toEqual([]);
  });

  test('passes a log group with its own complete DataProtectionPolicy', () => {
    expect(run(stack({ Logs: logGroup({ DataProtectionPolicy: document(ALL, ALL) }) }))).toEqual([]);
  });

  test('warns on a log group with no policy, naming it', () => {
    expectOneFailure(run(stack({ Logs: logGroup() })), LogGroupDataProtection, 'Logs', /log group Logs is under no data-protection policy that audits and masks PII/);
  });

  test('warns when the policy audits but does not mask phone numbers, saying what is missing', () => {
    const partial = accountPolicy(JSON.stringify(document(ALL, ids('Name', 'Address', 'EmailAddress', 'CreditCardNumber'))));
    expectOneFailure(run(stack({ Logs: logGroup(), Policy: partial })), LogGroupDataProtection, 'Logs', /\(missing: masking of phone numbers\)/);
  });

  test('an account policy of another region covers nothing here', () => {
    const findings = run(stack({ Logs: logGroup() }, 'us-east-1'), stack({ Policy: accountPolicy(JSON.stringify(document(ALL, ALL))), T: logGroup() }, 'eu-west-1'));
    expect(findings.map((f) => [f.templateId, f.logicalId])).toEqual([['Prod-us-east-1', 'Logs']]);
  });

  test('warns (cannot be verified) when the policy document comes from a parameter or the policy is conditional', () => {
    expectOneUnresolvable(run(stack({ Logs: logGroup(), Policy: accountPolicy({ Ref: 'Doc' }) }, 'eu-west-1', { Parameters: { Doc: { Type: 'String' } } })), 'AccountPolicy.PolicyDocument');
    expectOneUnresolvable(run(stack({ Logs: logGroup(), Policy: accountPolicy(JSON.stringify(document(ALL, ALL)), { Condition: 'C' }) })), 'Condition');
    expectOneUnresolvable(run(stack({ Logs: logGroup({ DataProtectionPolicy: { 'Fn::If': ['C', document(ALL, ALL), { Ref: 'AWS::NoValue' }] } }) })), 'DataProtectionPolicy');
  });
});

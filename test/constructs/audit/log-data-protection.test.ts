import { Tags } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import { LogDataProtection, PHONE_NUMBER_COUNTRIES } from '../../../constructs/audit/log-data-protection';
import { PII_LOG_IDENTIFIERS } from '../../../lib/checks/lookups/log-data-protection';
import { EncryptionKeys } from '../../../constructs/security/keys';
import { DppChecks } from '../../../lib/checks/nag-pack';
import { dppErrorsAndAcknowledgments, resourcesOfType, stackWithoutBundling } from '../no-bundling';

describe('LogDataProtection', () => {
  const { app, stack } = stackWithoutBundling();
  Tags.of(stack).add('dpp:environment', 'test');
  const keys = new EncryptionKeys(stack, 'Keys');
  const protection = new LogDataProtection(stack, 'LogProtection', { encryptionKey: keys.logs });
  new logs.LogGroup(stack, 'AppLogs', { encryptionKey: keys.logs });
  const template = Template.fromStack(stack);
  const id = (c: { node: { defaultChild?: unknown } }) => stack.resolve((c.node.defaultChild as { logicalId: string }).logicalId) as string;
  const [, policy] = resourcesOfType(template, 'AWS::Logs::AccountPolicy')[0];
  // The document is a JSON string with the findings log group's name joined in: read it back with a placeholder.
  const documentText = (policy.Properties.PolicyDocument['Fn::Join'][1] as unknown[]).map((p) => (typeof p === 'string' ? p : '${ref}')).join('');
  const document = JSON.parse(documentText);

  test('an account-level data-protection policy over every log group', () => {
    expect(policy.Properties).toMatchObject({ PolicyName: 'dpp-log-data-protection', PolicyType: 'DATA_PROTECTION_POLICY', Scope: 'ALL' });
    expect(policy.Properties.PolicyDocument['Fn::Join'][1]).toContainEqual({ Ref: id(protection.findingsLogGroup) });
  });

  test('audits (findings to the KMS findings log group) and masks names, addresses, e-mail, phone and card numbers', () => {
    const [audit, mask] = document.Statement;
    expect(audit.Operation).toEqual({ Audit: { FindingsDestination: { CloudWatchLogs: { LogGroup: '${ref}' } } } });
    expect(mask.Operation).toEqual({ Deidentify: { MaskConfig: {} } });
    const names = (audit.DataIdentifier as string[]).map((a) => a.split('/').pop());
    expect(names).toEqual(['Name', 'Address', 'EmailAddress', ...PHONE_NUMBER_COUNTRIES.map((c) => `PhoneNumber-${c}`), 'CreditCardNumber']);
    expect(mask.DataIdentifier).toEqual(audit.DataIdentifier);
    expect(Object.keys(PII_LOG_IDENTIFIERS)).toEqual(['Name', 'Address', 'EmailAddress', 'PhoneNumber', 'CreditCardNumber']);
    template.hasResourceProperties('AWS::Logs::LogGroup', { KmsKeyId: { 'Fn::GetAtt': [id(keys.logs as never), 'Arn'] }, RetentionInDays: 365 });
  });

  test('the stack passes the DPP pack, DPP-3.6-LogGroupDataProtection included', () => {
    expect(dppErrorsAndAcknowledgments(app).errors.filter((e) => !/ConfigRecorderPresent|SecurityTopicSubscribed|TrailPresent/.test(e))).toEqual([]);
  });

  test('without it, a log group of the environment gets the DPP 3.6 warning', () => {
    const bare = stackWithoutBundling();
    Tags.of(bare.stack).add('dpp:environment', 'test');
    new logs.LogGroup(bare.stack, 'AppLogs');
    bare.app.synth();
    const report = new DppChecks().validateScope(bare.app);
    expect(report.violations.filter((v) => v.ruleName === 'DPP-3.6-LogGroupDataProtection').map((v) => v.severity)).toEqual(['warning']);
  });

  test('rejects unknown phone-number countries and bad names', () => {
    const other = stackWithoutBundling().stack;
    expect(() => new LogDataProtection(other, 'A', { phoneNumberCountries: ['XX'] })).toThrow(/^LogDataProtection: phoneNumberCountries must name at least one of BR, DE, ES, FR, GB, IT, US, got XX/);
    expect(() => new LogDataProtection(other, 'B', { phoneNumberCountries: [] })).toThrow(/^LogDataProtection: phoneNumberCountries/);
    expect(() => new LogDataProtection(other, 'C', { policyName: 'no spaces allowed' })).toThrow(/^LogDataProtection: policyName/);
  });
});

import { KmsKeyPolicyOwnAccount } from '../../../../lib/checks/rules/3.4-encryption-at-rest/kms-key-policy-own-account';
import { check, findingsOf, parameters, template } from '../../../helpers/check';
import { expectOneFailure, expectOneUnresolvable } from '../../../helpers/rule-expectations';

/** The own-account root as CDK writes it for an environment-agnostic stack. */
const CDK_ROOT = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']] };
const statement = (principal: unknown, extra: Record<string, unknown> = {}) => ({ Effect: 'Allow', Action: 'kms:*', Resource: '*', Principal: principal, ...extra });
const key = (...statements: unknown[]) => ({
  Role: { Type: 'AWS::IAM::Role', Properties: {} },
  K: { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: { Version: '2012-10-17', Statement: statements } } },
});

describe('DPP-3.4-KmsKeyPolicyOwnAccount', () => {
  test('passes the CDK default policy (own root through Fn::Join)', () => {
    expect(findingsOf(KmsKeyPolicyOwnAccount, key(statement({ AWS: CDK_ROOT })))).toEqual([]);
  });

  test('passes a key without a KeyPolicy (the KMS default trusts the own account)', () => {
    expect(findingsOf(KmsKeyPolicyOwnAccount, { K: { Type: 'AWS::KMS::Key', Properties: {} } })).toEqual([]);
  });

  test('passes own roles, Fn::Sub roots, services, Deny statements and Principal * pinned to the own account', () => {
    const resources = key(
      statement({ AWS: { 'Fn::GetAtt': ['Role', 'Arn'] } }),
      statement({ AWS: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' } }),
      statement({ Service: 'logs.eu-west-1.amazonaws.com' }),
      statement('*', { Effect: 'Deny' }),
      statement({ AWS: '*' }, { Condition: { StringEquals: { 'kms:CallerAccount': { Ref: 'AWS::AccountId' }, 'kms:ViaService': 'rds.eu-west-1.amazonaws.com' } } }),
    );
    expect(findingsOf(KmsKeyPolicyOwnAccount, resources)).toEqual([]);
  });

  test('passes a literal own account when the stack names its account', () => {
    const findings = check([{ id: 'S', account: '111111111111', template: template(key(statement({ AWS: 'arn:aws:iam::111111111111:root' }))) }], [KmsKeyPolicyOwnAccount]);
    expect(findings).toEqual([]);
  });

  test('fails a grant to another account, naming it', () => {
    const cross = statement({ AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::333333333333:root']] } }, { Sid: 'CrossAccount' });
    const findings = check([{ id: 'S', account: '111111111111', template: template(key(statement({ AWS: CDK_ROOT }), cross)) }], [KmsKeyPolicyOwnAccount]);
    const finding = expectOneFailure(findings, KmsKeyPolicyOwnAccount, 'K', /CrossAccount grants key use to account 333333333333, outside the stack's account/);
    expect(finding.property).toBe('KeyPolicy.CrossAccount.Principal');
  });

  test('fails Principal * without a condition', () => {
    expectOneFailure(findingsOf(KmsKeyPolicyOwnAccount, key(statement('*'))), KmsKeyPolicyOwnAccount, 'K', /any principal \(Principal \*\) with no condition/);
  });

  test('fails Principal * with a condition that does not pin the account', () => {
    const resources = key(statement({ AWS: '*' }, { Condition: { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } } }));
    expectOneFailure(findingsOf(KmsKeyPolicyOwnAccount, resources), KmsKeyPolicyOwnAccount, 'K', /no condition restricting it/);
  });

  test('warns on a literal account when the stack\'s own account is not known', () => {
    expectOneUnresolvable(findingsOf(KmsKeyPolicyOwnAccount, key(statement({ AWS: '333333333333' }))), 'KeyPolicy.Statement[0].Principal');
  });

  test.each([
    ['a parameter', { Ref: 'TrustedAccount' }],
    ['Fn::If', { 'Fn::If': ['C', CDK_ROOT, '*'] }],
  ])('warns when the principal is %s', (_, principal) => {
    expectOneUnresolvable(findingsOf(KmsKeyPolicyOwnAccount, key(statement({ AWS: principal })), parameters('TrustedAccount')), 'KeyPolicy.Statement[0].Principal');
  });
});

describe('DPP-3.4-KmsKeyPolicyOwnAccount with attributes of resources', () => {
  test('warns on a principal that is an attribute of a custom resource (it can name any account)', () => {
    const resources = { ...key(statement({ AWS: { 'Fn::GetAtt': ['Custom', 'Value'] } })), Custom: { Type: 'Custom::Thing', Properties: {} } };
    expectOneUnresolvable(findingsOf(KmsKeyPolicyOwnAccount, resources), 'KeyPolicy.Statement[0].Principal');
  });
});

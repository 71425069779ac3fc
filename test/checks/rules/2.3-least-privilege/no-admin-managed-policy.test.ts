import { NoAdminManagedPolicy } from '../../../../lib/checks/rules/2.3-least-privilege/no-admin-managed-policy';
import { findingsOf, parameters } from '../../../helpers/check';

const rule = NoAdminManagedPolicy;
const aws = (name: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::aws:policy/${name}`]] });
const role = (arns: unknown, Type = 'AWS::IAM::Role', property = 'ManagedPolicyArns') =>
  findingsOf(rule, { Own: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: {} } }, R: { Type, Properties: { [property]: arns } } }, parameters('Arn'));

describe('DPP-2.3-NoAdminManagedPolicy', () => {
  test('passes other AWS managed policies, near-names and managed policies of the template', () => {
    expect(role([aws('ReadOnlyAccess'), 'arn:aws:iam::aws:policy/AdministratorAccess-Amplify', { Ref: 'Own' }, 'arn:aws:iam::123456789012:policy/IAMFullAccessReview'])).toEqual([]);
  });

  test('fails AdministratorAccess attached to a role (CDK spelling), naming it', () => {
    const [finding, ...rest] = role([aws('ReadOnlyAccess'), aws('AdministratorAccess')]);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-2.3-NoAdminManagedPolicy', clause: '2.3', level: 'error', logicalId: 'R', property: 'ManagedPolicyArns.1' });
    expect(finding.message).toMatch(/^ManagedPolicyArns attaches the AdministratorAccess managed policy\. Fix: /);
  });

  test.each([
    ['a user', 'AWS::IAM::User', 'ManagedPolicyArns', 'arn:aws:iam::aws:policy/IAMFullAccess'],
    ['a group', 'AWS::IAM::Group', 'ManagedPolicyArns', { 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess' }],
    ['a permission set', 'AWS::SSO::PermissionSet', 'ManagedPolicies', 'arn:aws-us-gov:iam::aws:policy/AdministratorAccess'],
  ])('fails on %s', (_, type, property, arn) => {
    expect(role([arn], type, property)).toEqual([expect.objectContaining({ level: 'error', property: `${property}.0` })]);
  });

  test('warns when an ARN or the list is an intrinsic', () => {
    expect(role([{ Ref: 'Arn' }])).toEqual([expect.objectContaining({ level: 'warning', property: 'ManagedPolicyArns.0' })]);
    expect(role({ 'Fn::If': ['Prod', [], [aws('AdministratorAccess')]] })).toEqual([expect.objectContaining({ level: 'warning', property: 'ManagedPolicyArns' })]);
  });
});

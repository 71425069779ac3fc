import { ConsoleUserMfaGroup } from '../../../../lib/checks/rules/2.2-access-management/console-user-mfa-group';
import { findingsOf, parameters, type Resources } from '../../../helpers/check';

const rule = ConsoleUserMfaGroup;
const LOGIN = { Password: '{{resolve:secretsmanager:pw}}', PasswordResetRequired: true };
const MFA_DOCUMENT = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'AllowSelfService', Effect: 'Allow', Action: ['iam:ListMFADevices'], Resource: '*' },
    { Sid: 'DenyWithoutMfa', Effect: 'Deny', NotAction: ['iam:CreateVirtualMFADevice', 'iam:EnableMFADevice', 'sts:GetSessionToken'], Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } },
  ],
};
const READ_ONLY = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/ReadOnlyAccess']] };

function user(props: Record<string, unknown>, extra: Resources = {}): ReturnType<typeof findingsOf> {
  return findingsOf(rule, { Jane: { Type: 'AWS::IAM::User', Properties: { UserName: 'jane', ...props } }, ...extra }, parameters('Group', 'Policy'));
}

describe('DPP-2.2-ConsoleUserMfaGroup', () => {
  test('passes users without console access', () => {
    expect(user({})).toEqual([]);
    expect(user({ LoginProfile: { Ref: 'AWS::NoValue' } })).toEqual([]);
  });

  test('passes a console user in a group with an inline MFA policy', () => {
    expect(user({ LoginProfile: LOGIN, Groups: [{ Ref: 'Humans' }] }, { Humans: { Type: 'AWS::IAM::Group', Properties: { Policies: [{ PolicyName: 'mfa', PolicyDocument: MFA_DOCUMENT }] } } })).toEqual([]);
  });

  test('passes a console user in a group whose ManagedPolicyArns references an MFA managed policy of the template', () => {
    expect(user({ LoginProfile: LOGIN, Groups: [{ Ref: 'Humans' }] }, {
      Mfa: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: MFA_DOCUMENT } },
      Humans: { Type: 'AWS::IAM::Group', Properties: { ManagedPolicyArns: [READ_ONLY, { Ref: 'Mfa' }] } },
    })).toEqual([]);
  });

  test('passes a console user added by AWS::IAM::UserToGroupAddition to a group named by an AWS::IAM::Policy (literal names)', () => {
    expect(user({ LoginProfile: LOGIN }, {
      Humans: { Type: 'AWS::IAM::Group', Properties: { GroupName: 'humans' } },
      Add: { Type: 'AWS::IAM::UserToGroupAddition', Properties: { GroupName: 'humans', Users: ['jane'] } },
      Mfa: { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'mfa', Groups: ['humans'], PolicyDocument: JSON.stringify(MFA_DOCUMENT) } },
    })).toEqual([]);
  });

  test('fails a console user in no group', () => {
    const [finding, ...rest] = user({ LoginProfile: LOGIN });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-2.2-ConsoleUserMfaGroup', clause: '2.2', level: 'error', logicalId: 'Jane', property: 'LoginProfile' });
    expect(finding.message).toMatch(/console password \(LoginProfile\) and is in no group of this template that enforces MFA/);
  });

  test.each([
    ['only AWS managed policies', { ManagedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] }],
    ['a deny of a few actions only', { Policies: [{ PolicyName: 'p', PolicyDocument: { Statement: [{ Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': false } } }] } }] }],
    ['an allow conditioned on MFA (not a deny)', { Policies: [{ PolicyName: 'p', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }] } }] }],
  ])('fails a console user whose group has %s', (_, groupProps) => {
    const findings = user({ LoginProfile: LOGIN, Groups: [{ Ref: 'Humans' }] }, { Humans: { Type: 'AWS::IAM::Group', Properties: groupProps } });
    expect(findings).toEqual([expect.objectContaining({ level: 'error', message: expect.stringMatching(/none of its groups \(Humans\) enforces MFA/) })]);
  });

  test.each([
    ['the login profile is conditional', { LoginProfile: { 'Fn::If': ['Console', LOGIN, { Ref: 'AWS::NoValue' }] } }, {}, 'LoginProfile'],
    ['the group is a parameter', { LoginProfile: LOGIN, Groups: [{ Ref: 'Group' }] }, {}, 'Groups'],
    ['the group is not in the template', { LoginProfile: LOGIN, Groups: ['humans'] }, {}, 'Groups'],
    ['the group\'s managed policy is a parameter', { LoginProfile: LOGIN, Groups: [{ Ref: 'Humans' }] }, { Humans: { Type: 'AWS::IAM::Group', Properties: { ManagedPolicyArns: [{ Ref: 'Policy' }] } } }, 'Groups'],
  ])('warns when %s', (_, props, extra, property) => {
    expect(user(props, extra as Resources)).toEqual([expect.objectContaining({ level: 'warning', property, message: expect.stringMatching(/^cannot be verified at synth time/) })]);
  });
});

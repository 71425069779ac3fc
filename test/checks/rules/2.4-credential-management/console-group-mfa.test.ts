import { ConsoleGroupMfa } from '../../../../lib/checks/rules/2.4-credential-management/console-group-mfa';
import { findingsOf, parameters, type Resources } from '../../../helpers/check';

const rule = ConsoleGroupMfa;
const LOGIN = { Password: '{{resolve:secretsmanager:pw}}' };
const MFA_DOCUMENT = {
  Statement: [{ Effect: 'Deny', NotAction: ['iam:EnableMFADevice', 'iam:ListMFADevices', 'sts:GetSessionToken'], Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': false } } }],
};
const group = (props: Record<string, unknown>, extra: Resources) =>
  findingsOf(rule, { Humans: { Type: 'AWS::IAM::Group', Properties: props }, ...extra }, parameters('Console', 'Users', 'Policy'));
const consoleUser: Resources = { Jane: { Type: 'AWS::IAM::User', Properties: { UserName: 'jane', LoginProfile: LOGIN, Groups: [{ Ref: 'Humans' }] } } };

describe('DPP-2.4-ConsoleGroupMfa', () => {
  test('passes a group of console users with the MFA policy (inline, managed or a policy naming the group)', () => {
    expect(group({ Policies: [{ PolicyName: 'mfa', PolicyDocument: MFA_DOCUMENT }] }, consoleUser)).toEqual([]);
    expect(group({ ManagedPolicyArns: [{ Ref: 'Mfa' }] }, { ...consoleUser, Mfa: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: MFA_DOCUMENT } } })).toEqual([]);
    expect(group({}, { ...consoleUser, Mfa: { Type: 'AWS::IAM::ManagedPolicy', Properties: { Groups: [{ Ref: 'Humans' }], PolicyDocument: MFA_DOCUMENT } } })).toEqual([]);
  });

  test('passes a group without console users', () => {
    expect(group({}, { Bot: { Type: 'AWS::IAM::User', Properties: { Groups: [{ Ref: 'Humans' }] } } })).toEqual([]);
    expect(group({}, {})).toEqual([]);
  });

  test('fails a group of console users without the MFA policy, naming them', () => {
    const [finding, ...rest] = group({ ManagedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] }, consoleUser);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-2.4-ConsoleGroupMfa', clause: '2.4', level: 'error', logicalId: 'Humans', property: 'ManagedPolicyArns' });
    expect(finding.message).toMatch(/^the group has console users \(Jane\) and no policy denying access without MFA\. Fix: /);
  });

  test('finds members added by AWS::IAM::UserToGroupAddition', () => {
    const findings = group({ GroupName: 'humans' }, {
      Jane: { Type: 'AWS::IAM::User', Properties: { LoginProfile: LOGIN } },
      Add: { Type: 'AWS::IAM::UserToGroupAddition', Properties: { GroupName: 'humans', Users: [{ Ref: 'Jane' }] } },
    });
    expect(findings).toEqual([expect.objectContaining({ level: 'error', message: expect.stringMatching(/console users \(Jane\)/) })]);
  });

  test.each([
    ['a member\'s LoginProfile is conditional', { Jane: { Type: 'AWS::IAM::User', Properties: { LoginProfile: { 'Fn::If': ['Console', LOGIN, { Ref: 'AWS::NoValue' }] }, Groups: [{ Ref: 'Humans' }] } } }, {}, 'group membership'],
    ['the members are a parameter', { Add: { Type: 'AWS::IAM::UserToGroupAddition', Properties: { GroupName: { Ref: 'Humans' }, Users: { Ref: 'Users' } } } }, {}, 'group membership'],
    ['the managed policy is a parameter', consoleUser, { ManagedPolicyArns: [{ Ref: 'Policy' }] }, 'ManagedPolicyArns'],
  ])('warns when %s', (_, extra, props, property) => {
    expect(group(props, extra as Resources)).toEqual([expect.objectContaining({ level: 'warning', property, message: expect.stringMatching(/^cannot be verified at synth time/) })]);
  });
});

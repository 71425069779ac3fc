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

  test('fails a group without the MFA policy whether or not a user appears (CONTROLS.md 2.4 "Human groups")', () => {
    for (const extra of [{}, consoleUser, { Bot: { Type: 'AWS::IAM::User', Properties: { Groups: [{ Ref: 'Humans' }] } } }] as Resources[]) {
      const [finding, ...rest] = group({ ManagedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] }, extra);
      expect(rest).toEqual([]);
      expect(finding).toMatchObject({ ruleId: 'DPP-2.4-ConsoleGroupMfa', clause: '2.4', level: 'error', logicalId: 'Humans', property: 'ManagedPolicyArns' });
      expect(finding.message).toMatch(/^the group attaches no policy whose deny depends on aws:MultiFactorAuthPresent/);
    }
  });

  const withDocument = (statement: Record<string, unknown>) => group({ Policies: [{ PolicyName: 'mfa', PolicyDocument: { Statement: [statement] } }] }, {});
  const DENY = MFA_DOCUMENT.Statement[0];

  test('passes the MFA deny in any letter case, with BoolIfExists, and as a JSON string', () => {
    expect(withDocument({ ...DENY, Condition: { boolifexists: { 'AWS:MULTIFACTORAUTHPRESENT': 'FALSE' } } })).toEqual([]);
    expect(group({ Policies: [{ PolicyName: 'mfa', PolicyDocument: JSON.stringify(MFA_DOCUMENT) }] }, {})).toEqual([]);
  });

  test.each([
    ['its condition removed', { ...DENY, Condition: undefined }],
    ['weakened to Allow', { ...DENY, Effect: 'Allow' }],
    ['scoped to nothing (NotResource "*")', { ...DENY, Resource: undefined, NotResource: '*' }],
    ['scoped to nothing (NotAction "*")', { ...DENY, NotAction: '*' }],
    ['narrowed by a further condition', { ...DENY, Condition: { ...DENY.Condition, StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } }],
    ['testing another key', { ...DENY, Condition: { Bool: { 'aws:SecureTransport': false } } }],
    ['testing MFA as true', { ...DENY, Condition: { Bool: { 'aws:MultiFactorAuthPresent': true } } }],
  ])('fails an MFA policy %s', (_, statement) => {
    expect(withDocument(statement)).toEqual([expect.objectContaining({ level: 'error' })]);
  });

  test.each([
    ['the managed policy is a parameter', consoleUser, { ManagedPolicyArns: [{ Ref: 'Policy' }] }, 'ManagedPolicyArns'],
  ])('warns when %s', (_, extra, props, property) => {
    expect(group(props, extra as Resources)).toEqual([expect.objectContaining({ level: 'warning', property, message: expect.stringMatching(/^cannot be verified at synth time/) })]);
  });
});

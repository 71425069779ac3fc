import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { MFA_SELF_SERVICE_ACTIONS, MfaEnforcement } from '../../../constructs/identity/mfa-enforcement';
import { dppErrorsAndAcknowledgments, resourcesOfType, stackWithoutBundling } from '../no-bundling';

const managed = (name: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::aws:policy/${name}`]] });

describe('MfaEnforcement (defaults)', () => {
  let template: Template;
  let mfa: MfaEnforcement;
  let app: ReturnType<typeof stackWithoutBundling>['app'];

  beforeAll(() => {
    const made = stackWithoutBundling();
    app = made.app;
    mfa = new MfaEnforcement(made.stack, 'Mfa');
    mfa.addGroup('Auditors', { groupName: 'dpp-auditors', awsManagedPolicies: ['SecurityAudit'] });
    template = Template.fromStack(made.stack);
  });

  test('the MFA policy denies everything but MFA self-service without MFA', () => {
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([{
          Sid: 'DenyAllExceptMfaSelfServiceWithoutMfa',
          Effect: 'Deny',
          NotAction: [...MFA_SELF_SERVICE_ACTIONS],
          Resource: '*',
          Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
        }]),
      },
    });
    expect(MFA_SELF_SERVICE_ACTIONS).toEqual(expect.arrayContaining(['iam:CreateVirtualMFADevice', 'iam:EnableMFADevice', 'iam:ChangePassword', 'sts:GetSessionToken']));
  });

  test('users manage only their own password and MFA device', () => {
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Sid: 'AllowManageOwnPasswordAndMfa',
          Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::111111111111:user/${aws:username}']] },
        })]),
      },
    });
  });

  test('every group attaches the MFA policy; no group has AdministratorAccess or IAMFullAccess; no IAM users', () => {
    const groups = resourcesOfType(template, 'AWS::IAM::Group');
    expect(groups.map(([, g]) => g.Properties.GroupName).sort()).toEqual(['dpp-administrators', 'dpp-auditors', 'dpp-developers', 'dpp-read-only']);
    const [[policyId]] = resourcesOfType(template, 'AWS::IAM::ManagedPolicy');
    for (const [, group] of groups) {
      expect(group.Properties.ManagedPolicyArns).toContainEqual({ Ref: policyId });
      expect(JSON.stringify(group.Properties.ManagedPolicyArns)).not.toMatch(/AdministratorAccess|IAMFullAccess/);
    }
    template.resourceCountIs('AWS::IAM::User', 0);
  });

  test('least privilege: view-only access, no data reads (no ReadOnlyAccess)', () => {
    const policiesOf = (name: string) => resourcesOfType(template, 'AWS::IAM::Group').find(([, g]) => g.Properties.GroupName === name)![1].Properties.ManagedPolicyArns;
    expect(policiesOf('dpp-read-only')).toContainEqual(managed('job-function/ViewOnlyAccess'));
    expect(policiesOf('dpp-administrators')).toEqual(expect.arrayContaining([managed('job-function/ViewOnlyAccess'), managed('SecurityAudit')]));
    expect(policiesOf('dpp-developers')).toEqual(expect.arrayContaining([managed('job-function/ViewOnlyAccess'), managed('CloudWatchLogsReadOnlyAccess')]));
    expect(JSON.stringify(template.toJSON())).not.toContain('/ReadOnlyAccess');
  });

  test('administrators deploy through the CDK bootstrap roles and administer people, without attaching policies', () => {
    const admins = mfa.administrators.node.tryFindChild('DefaultPolicy') as iam.Policy;
    const document = JSON.stringify(admins.document.toJSON());
    expect(document).toContain('role/cdk-hnb659fds-*');
    expect(document).toContain('iam:DetachUserPolicy');
    expect(document).toContain('group/dpp-*');
    expect(document).not.toMatch(/iam:Attach|iam:Put\w*Policy|iam:CreatePolicy/);
    // Developers may not deploy by default.
    expect(mfa.developers.node.tryFindChild('DefaultPolicy')).toBeUndefined();
  });

  test('the DPP pack finds no error', () => {
    expect(dppErrorsAndAcknowledgments(app).errors).toEqual([]);
  });
});

describe('MfaEnforcement props', () => {
  test('developers may deploy when asked, with a custom bootstrap qualifier and prefix', () => {
    const { stack } = stackWithoutBundling();
    const mfa = new MfaEnforcement(stack, 'Mfa', { developersMayDeploy: true, cdkBootstrapQualifier: 'team1', groupNamePrefix: 'ops-' });
    const document = JSON.stringify((mfa.developers.node.tryFindChild('DefaultPolicy') as iam.Policy).document.toJSON());
    expect(document).toContain('role/cdk-team1-*');
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Group', { GroupName: 'ops-developers' });
  });

  test.each([
    [{ groupNamePrefix: 'bad prefix' }, 'MfaEnforcement: groupNamePrefix must be at most 100 of the characters IAM allows'],
    [{ cdkBootstrapQualifier: 'Not-Valid' }, 'MfaEnforcement: cdkBootstrapQualifier must be 1 to 10 lower-case letters or digits, got "Not-Valid"'],
  ])('rejects %p', (props, message) => {
    const { stack } = stackWithoutBundling();
    expect(() => new MfaEnforcement(stack, 'Mfa', props)).toThrow(message);
  });

  test.each(['AdministratorAccess', 'IAMFullAccess'])('refuses a group with %s (DPP 2.3)', (policy) => {
    const { stack } = stackWithoutBundling();
    const mfa = new MfaEnforcement(stack, 'Mfa');
    expect(() => mfa.addGroup('Root', { awsManagedPolicies: [policy] })).toThrow(`MfaEnforcement: group Root awsManagedPolicies must not include ${policy} (DPP 2.3 Least Privilege Access)`);
  });
});

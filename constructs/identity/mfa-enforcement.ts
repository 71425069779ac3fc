import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { acknowledgeInlinePolicy, acknowledgeNag, awsManagedPolicyFinding, wildcardResourceFinding } from '../common/nag-acknowledgments';
import { invalidProp, policyFor } from '../common/validate';
import { recordCreationTrace } from '../common/creation-trace';

/**
 * The actions a user may call without MFA: just enough to set up an MFA device and change an
 * expired password at first sign-in (the AWS-documented self-service set).
 */
export const MFA_SELF_SERVICE_ACTIONS: readonly string[] = [
  'iam:CreateVirtualMFADevice',
  'iam:EnableMFADevice',
  'iam:GetUser',
  'iam:GetMFADevice',
  'iam:ListMFADevices',
  'iam:ListVirtualMFADevices',
  'iam:ResyncMFADevice',
  'iam:ChangePassword',
  'iam:GetAccountPasswordPolicy',
  'sts:GetSessionToken',
];

/** AWS managed policies that would break DPP 2.3 Least Privilege Access: never attached to a human group. */
const FORBIDDEN_MANAGED_POLICIES = ['AdministratorAccess', 'IAMFullAccess'];

/**
 * Why each AWS managed policy the default groups use is preferred to a hand-written one (cdk-nag
 * AwsSolutions-IAM4). A group given any other AWS managed policy gets no acknowledgment: its
 * author must give the reason.
 */
const AWS_MANAGED_POLICY_REASONS: Readonly<Record<string, string>> = {
  'job-function/ViewOnlyAccess':
    'ViewOnlyAccess lists and describes the configuration of every service but reads no data (no s3:GetObject, no dynamodb:GetItem), so people see the estate without seeing PII (DPP 2.3 need-to-know). ' +
    'AWS keeps it current as services are added, which a hand-written copy would not, and it grants no write action.',
  SecurityAudit:
    'SecurityAudit is the read-only view of security configuration (policies, key policies, logging and network settings) the administrators review, maintained by AWS as services are added. ' +
    'It grants no write action and no access to stored data.',
  CloudWatchLogsReadOnlyAccess:
    'Developers read application logs to diagnose faults; logs hold no PII by DPP 3.6 (log groups classified pii are refused by the DPP checks). ' +
    'The AWS policy grants only reads of CloudWatch Logs, kept current by AWS, and no write action.',
};

/** One human group. */
export interface HumanGroupProps {
  /**
   * The group's name.
   * @default - a name CloudFormation generates
   */
  readonly groupName?: string;
  /**
   * AWS managed policies by name (`ViewOnlyAccess`, `job-function/SupportUser`). `AdministratorAccess` and
   * `IAMFullAccess` are refused (DPP 2.3).
   * @default - none
   */
  readonly awsManagedPolicies?: readonly string[];
  /**
   * Further permissions of the group, as policy statements.
   * @default - none
   */
  readonly statements?: readonly iam.PolicyStatement[];
}

/** Props of {@link MfaEnforcement}. */
export interface MfaEnforcementProps {
  /**
   * Prefix of the default groups' names: `<prefix>administrators`, `<prefix>developers`, `<prefix>read-only`.
   * @default 'dpp-'
   */
  readonly groupNamePrefix?: string;
  /**
   * The qualifier of the account's CDK bootstrap (`cdk bootstrap --qualifier`): administrators
   * change infrastructure only through the bootstrap roles, i.e. through CloudFormation.
   * @default 'hnb659fds' (the CDK default)
   */
  readonly cdkBootstrapQualifier?: string;
  /**
   * Whether developers may deploy through the CDK bootstrap roles (e.g. in a test account).
   * @default false
   */
  readonly developersMayDeploy?: boolean;
}

const NAME = 'MfaEnforcement';

/**
 * MFA for every person, and least-privilege human groups (DPP 2.4 Credential Management: MFA on
 * every user account; DPP 2.2 Access Management; DPP 2.3 Least Privilege Access).
 *
 * - `policy`: a managed policy that lets a user manage only their own password and MFA device,
 *   and **denies everything else unless the request was made with MFA**
 *   (`BoolIfExists: { aws:MultiFactorAuthPresent: false }`), so a stolen password alone opens
 *   nothing. It is attached to every group made here (and with {@link addGroup}).
 * - Three human groups, none with `AdministratorAccess` or `IAMFullAccess`:
 *   - **administrators**: `ViewOnlyAccess` (every service's configuration, not its data) and
 *     `SecurityAudit`; infrastructure changes only by assuming the account's CDK bootstrap roles,
 *     i.e. through reviewed CloudFormation (change control); and the people administration the
 *     joiner/leaver process needs (create and delete users, group membership, console passwords,
 *     MFA resets, lifting an account lockout) — but no policy attachment that could escalate.
 *   - **developers**: `ViewOnlyAccess` and `CloudWatchLogsReadOnlyAccess` (logs hold no PII, DPP
 *     3.6); deploying through the CDK bootstrap roles only where `developersMayDeploy` is set.
 *   - **read-only**: `ViewOnlyAccess`.
 *   `ReadOnlyAccess` is deliberately not used: it reads data (S3 objects, DynamoDB items), i.e.
 *   PII, which people need only on a need-to-know basis (DPP 2.3).
 *
 * The construct creates no IAM users: people are added to the groups by the joiner process (or,
 * better, sign in through IAM Identity Center with an identity provider).
 */
export class MfaEnforcement extends Construct {
  /** The MFA-enforcement managed policy. */
  public readonly policy: iam.ManagedPolicy;
  public readonly administrators: iam.Group;
  public readonly developers: iam.Group;
  public readonly readOnly: iam.Group;

  constructor(scope: Construct, id: string, props: MfaEnforcementProps = {}) {
    super(scope, id);
    recordCreationTrace(this, new.target);
    const prefix = props.groupNamePrefix ?? 'dpp-';
    if (!/^[\w+=,.@-]{0,100}$/.test(prefix)) invalidProp(NAME, 'groupNamePrefix', `must be at most 100 of the characters IAM allows in names (letters, digits, +=,.@_-), got ${JSON.stringify(prefix)}`);
    const qualifier = props.cdkBootstrapQualifier ?? 'hnb659fds';
    if (!/^[a-z0-9]{1,10}$/.test(qualifier)) invalidProp(NAME, 'cdkBootstrapQualifier', `must be 1 to 10 lower-case letters or digits, got ${JSON.stringify(qualifier)}`);

    const { account, partition } = Stack.of(this);
    this.policy = new iam.ManagedPolicy(this, 'Policy', {
      description: 'DPP 2.4: deny everything but MFA self-service to requests made without MFA',
      statements: mfaEnforcementStatements(partition, account),
    });
    acknowledgeNag(this.policy, wildcardResourceFinding(this, '*'),
      'Only iam:GetAccountPasswordPolicy and iam:ListVirtualMFADevices are allowed on Resource "*": they have no resource-level permissions and reveal no secret. ' +
      'The other statement on "*" is the deny of everything without MFA, which a wider resource makes stricter.');
    const mfaDevices = `arn:${partition}:iam::${account}:mfa/*`;
    acknowledgeNag(this.policy, wildcardResourceFinding(this, mfaDevices),
      'A user names their own virtual MFA device when creating it, so iam:CreateVirtualMFADevice needs every device ARN of the account (the AWS-documented self-service policy does the same). ' +
      'Creating an unassigned device grants nothing; enabling one is allowed only on the user\'s own ARN.');

    const deployThroughCloudFormation = new iam.PolicyStatement({
      sid: 'DeployThroughCdkBootstrapRoles',
      actions: ['sts:AssumeRole'],
      resources: [`arn:${partition}:iam::${account}:role/cdk-${qualifier}-*`],
    });

    this.administrators = this.addGroup('Administrators', {
      groupName: `${prefix}administrators`,
      awsManagedPolicies: ['job-function/ViewOnlyAccess', 'SecurityAudit'],
      statements: [deployThroughCloudFormation, ...peopleAdministrationStatements(partition, account, prefix)],
    });
    this.developers = this.addGroup('Developers', {
      groupName: `${prefix}developers`,
      awsManagedPolicies: ['job-function/ViewOnlyAccess', 'CloudWatchLogsReadOnlyAccess'],
      statements: props.developersMayDeploy ? [deployThroughCloudFormation] : [],
    });
    const bootstrapRolesReason =
      `The CDK bootstrap roles of qualifier ${qualifier} are named per account and region (cdk-${qualifier}-deploy-role-<account>-<region> and siblings), so the statement names them by that prefix only. ` +
      'Assuming them is the only way these people change infrastructure: through CloudFormation deployments of reviewed code (change control).';
    acknowledgeNag(this.administrators, wildcardResourceFinding(this, `arn:${partition}:iam::${account}:role/cdk-${qualifier}-*`), bootstrapRolesReason);
    if (props.developersMayDeploy) acknowledgeNag(this.developers, wildcardResourceFinding(this, `arn:${partition}:iam::${account}:role/cdk-${qualifier}-*`), bootstrapRolesReason);
    acknowledgeNag(this.administrators, wildcardResourceFinding(this, `arn:${partition}:iam::${account}:user/*`),
      `Administrators run the joiner/leaver process (DPP 2.2: unique users, removal within ${policyFor(this, undefined).values.leaverRemovalHours} hours, lifting a lockout), which applies to any IAM user of the account. ` +
      'The actions cannot grant permissions: policies can be detached from users but never attached, and group membership is limited to the baseline\'s own groups.');
    acknowledgeNag(this.administrators, wildcardResourceFinding(this, `arn:${partition}:iam::${account}:group/${prefix}*`),
      `Administrators may add people to, and remove them from, only the groups named ${prefix}*, which this construct creates without AdministratorAccess or IAMFullAccess (DPP 2.3). ` +
      'A group someone else made powerful is out of reach, and the MFA policy applies to every member.');
    acknowledgeNag(this.administrators, wildcardResourceFinding(this, mfaDevices),
      'Resetting a person\'s lost MFA device (iam:DeleteVirtualMFADevice) must work for whatever name the person gave it, so the statement names every MFA device of the account. ' +
      'The administrators themselves act only with MFA (the MFA policy), and a reset user must enrol a new device before doing anything else.');
    this.readOnly = this.addGroup('ReadOnly', {
      groupName: `${prefix}read-only`,
      awsManagedPolicies: ['job-function/ViewOnlyAccess'],
    });
  }

  /** Adds a human group with the MFA policy attached. */
  public addGroup(id: string, props: HumanGroupProps = {}): iam.Group {
    for (const name of props.awsManagedPolicies ?? []) {
      if (FORBIDDEN_MANAGED_POLICIES.includes(name)) invalidProp(NAME, `group ${id} awsManagedPolicies`, `must not include ${name} (DPP 2.3 Least Privilege Access)`);
    }
    const group = new iam.Group(this, id, {
      groupName: props.groupName,
      managedPolicies: (props.awsManagedPolicies ?? []).map((name) => iam.ManagedPolicy.fromAwsManagedPolicyName(name)),
    });
    group.addManagedPolicy(this.policy);
    for (const name of props.awsManagedPolicies ?? []) {
      const reason = AWS_MANAGED_POLICY_REASONS[name];
      if (reason) acknowledgeNag(group, awsManagedPolicyFinding(name), reason);
    }
    for (const statement of props.statements ?? []) group.addToPolicy(statement);
    if ((props.statements ?? []).length > 0) acknowledgeInlinePolicy(group, `human group ${id}`);
    return group;
  }
}

/** The statements of the MFA-enforcement policy (after the AWS example "manage own MFA device"). */
export function mfaEnforcementStatements(partition: string, account: string): iam.PolicyStatement[] {
  const ownUser = `arn:${partition}:iam::${account}:user/\${aws:username}`;
  return [
    new iam.PolicyStatement({
      sid: 'AllowViewAccountInfo',
      actions: ['iam:GetAccountPasswordPolicy', 'iam:ListVirtualMFADevices'],
      resources: ['*'],
    }),
    new iam.PolicyStatement({
      sid: 'AllowManageOwnPasswordAndMfa',
      actions: ['iam:ChangePassword', 'iam:GetUser', 'iam:GetMFADevice', 'iam:ListMFADevices', 'iam:EnableMFADevice', 'iam:ResyncMFADevice', 'iam:DeactivateMFADevice'],
      resources: [ownUser],
    }),
    new iam.PolicyStatement({
      sid: 'AllowCreateOwnVirtualMfaDevice',
      actions: ['iam:CreateVirtualMFADevice'],
      resources: [`arn:${partition}:iam::${account}:mfa/*`],
    }),
    new iam.PolicyStatement({
      sid: 'DenyAllExceptMfaSelfServiceWithoutMfa',
      effect: iam.Effect.DENY,
      notActions: [...MFA_SELF_SERVICE_ACTIONS],
      resources: ['*'],
      conditions: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
    }),
  ];
}

/**
 * What administrators need for the joiner/leaver process (DPP 2.2: unique users, removal within
 * 24 hours, lifting a lockout) without any action that grants permissions: policies can be
 * detached from users (a lockout lifted), never attached.
 */
function peopleAdministrationStatements(partition: string, account: string, groupPrefix: string): iam.PolicyStatement[] {
  return [
    new iam.PolicyStatement({
      sid: 'AdministerPeople',
      actions: [
        'iam:CreateUser', 'iam:DeleteUser', 'iam:TagUser', 'iam:UntagUser',
        'iam:AddUserToGroup', 'iam:RemoveUserFromGroup',
        'iam:CreateLoginProfile', 'iam:UpdateLoginProfile', 'iam:DeleteLoginProfile',
        'iam:DeactivateMFADevice', 'iam:ListAccessKeys', 'iam:UpdateAccessKey', 'iam:DeleteAccessKey',
        'iam:DetachUserPolicy',
      ],
      // Membership only of the baseline's own groups: no way into a group someone else made powerful.
      resources: [`arn:${partition}:iam::${account}:user/*`, `arn:${partition}:iam::${account}:group/${groupPrefix}*`],
    }),
    new iam.PolicyStatement({
      sid: 'ResetMfaDevices',
      actions: ['iam:DeleteVirtualMFADevice'],
      resources: [`arn:${partition}:iam::${account}:mfa/*`],
    }),
  ];
}

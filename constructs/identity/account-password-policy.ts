import { CustomResource, Duration, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledgeControlPlaneFunction, acknowledgeNag, wildcardResourceFinding } from '../common/nag-acknowledgments';
import { AWS_LIMITS } from '../../lib/policy/aws-limits';
import { provisionedDefaults } from '../../lib/policy/defaults';
import { DPP, type PolicyProfile } from '../../lib/policy/profile';
import { invalidProp, policyFor, requireIntegerInRange } from '../common/validate';
import { HandlerFunction, handlerProvider } from './handler-function';
import { defaultLogRetention, requireLogRetentionDays } from '../audit/log-retention';
import { recordCreationTrace } from '../common/creation-trace';

/** The CloudFormation type of the resource (the DPP 2.4 password-policy rule keys on it). */
export const ACCOUNT_PASSWORD_POLICY_TYPE = 'Custom::AccountPasswordPolicy';

/** The DPP 2.4 floor under the `dpp` profile, and IAM's own limits. */
export const PASSWORD_POLICY_LIMITS = {
  minimumLength: DPP.values.passwordMinLength,
  maximumLength: AWS_LIMITS.iamPasswordMaxLength.value,
  maximumAgeDays: DPP.values.passwordMaxAgeDays,
  maximumReusePrevention: AWS_LIMITS.iamPasswordReuseMax.value,
} as const;

/** Props of {@link AccountPasswordPolicy}. */
export interface AccountPasswordPolicyProps {
  /**
   * Minimum password length, from the profile's minimum (DPP 2.4; `dpp`: 12) to 128 (IAM's maximum).
   * @default 14 (or the profile's minimum, if higher)
   */
  readonly minimumPasswordLength?: number;
  /**
   * How long a password is valid before it must be changed: whole days, at most the profile's maximum (DPP 2.4; `dpp`: 365).
   * @default Duration.days(90) (or the profile's maximum, if lower)
   */
  readonly maxPasswordAge?: Duration;
  /**
   * How many previous passwords a user cannot reuse, from the profile's minimum (`dpp`: 1, `dpp-2025`: 10) to 24 (IAM's maximum).
   * @default 24
   */
  readonly passwordReusePrevention?: number;
  /**
   * Whether IAM users may change their own password (needed for expiry to be workable).
   * @default true
   */
  readonly allowUsersToChangePassword?: boolean;
  /**
   * Whether an expired password locks the user out until an administrator resets it (`true`), or
   * the user sets a new one at the next sign-in (`false`).
   * @default false
   */
  readonly hardExpiry?: boolean;
  /**
   * Retention of the handler's logs: at least the profile's minimum (DPP 3.6 Logging and Monitoring).
   * @default logs.RetentionDays.ONE_YEAR (or the profile's minimum, if longer)
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * The policy profile whose thresholds bound the props and set the defaults (README "Policy profiles").
   * @default - the profile in construct context (`dpp:policy`), else `dpp`
   */
  readonly policy?: PolicyProfile;
  /**
   * The customer-managed key the handler's and the provider's log groups are encrypted with
   * (DPP 3.4); its policy must let CloudWatch Logs use it (`EncryptionKeys.logs` does).
   * @default - CloudWatch Logs' own encryption at rest
   */
  readonly logEncryptionKey?: kms.IKey;
  /**
   * Put the handler's code in the template and let CloudFormation invoke it directly, with no CDK
   * asset and no provider framework: for a template deployed where the asset bucket cannot be read,
   * such as a StackSet's instances in the organization's accounts (README "Organization").
   * @default false
   */
  readonly inlineCode?: boolean;
}

const NAME = 'AccountPasswordPolicy';

/** Why the handler may call the password-policy actions on Resource "*" (DPP 2.3 and cdk-nag IAM5). */
const PASSWORD_POLICY_RESOURCE_REASON =
  'IAM accepts only Resource "*" for the account password policy actions, which have no resource-level permissions. ' +
  'The role holds just these three actions, and only CloudFormation can invoke the function, through the custom-resource provider.';

/** Whole days of a duration, or an error naming the prop. */
function wholeDays(prop: string, duration: Duration): number {
  const days = duration.toHours() / 24;
  if (!Number.isInteger(days)) invalidProp(NAME, prop, `must be a whole number of days, got ${duration.toHumanString()}`);
  return days;
}

/**
 * The IAM account password policy (DPP 2.4 Credential Management), which CloudFormation has no
 * resource for: a `Custom::AccountPasswordPolicy` resource whose properties are the parameters of
 * IAM `UpdateAccountPasswordPolicy`. Its handler applies them on create and update and, on
 * delete, restores the policy the account had before (or deletes the policy if it had none).
 *
 * All four character classes (upper case, lower case, numbers, symbols) are always required; the
 * length, age and reuse limits can only be made stricter than the DPP asks.
 *
 * Two DPP 2.4 requirements cannot be enforced by IAM, whatever the policy says:
 * - a **minimum password age of 1 day** (IAM has no minimum age), and
 * - that a password **contains no part of the user's name** (IAM does not check it).
 * Enforce both in the identity provider people sign in with (IAM Identity Center's external
 * identity provider, or the Cognito/IdP password rules for application users); `dpp audit`
 * and the coverage report list them as procedural. One policy per account: deploy this construct
 * once per account.
 */
export class AccountPasswordPolicy extends Construct {
  /** The custom resource. */
  public readonly resource: CustomResource;
  /** The function that calls IAM. */
  public readonly handler: HandlerFunction;

  constructor(scope: Construct, id: string, props: AccountPasswordPolicyProps = {}) {
    super(scope, id);
    recordCreationTrace(this, new.target);
    const policy = policyFor(this, props.policy);
    const { passwordMinLength, passwordMaxAgeDays, passwordReusePrevention: reuseFloor } = policy.values;
    const defaults = provisionedDefaults(policy);
    const minimumPasswordLength = requireIntegerInRange(NAME, 'minimumPasswordLength', props.minimumPasswordLength ?? defaults.passwordMinLength,
      passwordMinLength, PASSWORD_POLICY_LIMITS.maximumLength, `DPP 2.4 requires at least ${passwordMinLength} under profile ${policy.name}`);
    const maxPasswordAge = requireIntegerInRange(NAME, 'maxPasswordAge', wholeDays('maxPasswordAge', props.maxPasswordAge ?? Duration.days(defaults.passwordMaxAgeDays)),
      1, passwordMaxAgeDays, `days; DPP 2.4 requires expiry within ${passwordMaxAgeDays} days under profile ${policy.name}`);
    const passwordReusePrevention = requireIntegerInRange(NAME, 'passwordReusePrevention', props.passwordReusePrevention ?? defaults.passwordReusePrevention,
      reuseFloor, PASSWORD_POLICY_LIMITS.maximumReusePrevention, `profile ${policy.name} requires at least ${reuseFloor}`);
    const logRetention = requireLogRetentionDays(NAME, 'logRetention', props.logRetention ?? defaultLogRetention(policy), policy);

    const inlineCode = props.inlineCode ?? false;
    this.handler = new HandlerFunction(this, 'Handler', {
      // Invoked by CloudFormation directly, the handler reports to CloudFormation itself.
      handler: inlineCode ? 'account-password-policy-direct' : 'account-password-policy',
      description: 'DPP 2.4: sets the IAM account password policy and restores the previous one on delete',
      logRetention,
      logEncryptionKey: props.logEncryptionKey,
      inlineCode,
    });
    this.handler.function.addToRolePolicy(new iam.PolicyStatement({
      actions: ['iam:GetAccountPasswordPolicy', 'iam:UpdateAccountPasswordPolicy', 'iam:DeleteAccountPasswordPolicy'],
      resources: ['*'],
    }));
    Validations.of(this.handler).acknowledge({ id: 'DPP::DPP-2.3-ScopedWriteActions', reason: PASSWORD_POLICY_RESOURCE_REASON });
    acknowledgeNag(this.handler, wildcardResourceFinding(this, '*'), PASSWORD_POLICY_RESOURCE_REASON);
    acknowledgeControlPlaneFunction(this.handler, { calls: 'IAM, for the account password policy', invokedBy: inlineCode ? 'CloudFormation' : 'the custom-resource provider', customResource: true });

    const serviceToken = inlineCode
      ? this.handler.function.functionArn
      : handlerProvider(this, this.handler, logRetention, props.logEncryptionKey, 'account password policy').serviceToken;

    this.resource = new CustomResource(this, 'Resource', {
      serviceToken,
      resourceType: ACCOUNT_PASSWORD_POLICY_TYPE,
      properties: {
        MinimumPasswordLength: minimumPasswordLength,
        RequireSymbols: true,
        RequireNumbers: true,
        RequireUppercaseCharacters: true,
        RequireLowercaseCharacters: true,
        MaxPasswordAge: maxPasswordAge,
        PasswordReusePrevention: passwordReusePrevention,
        AllowUsersToChangePassword: props.allowUsersToChangePassword ?? true,
        HardExpiry: props.hardExpiry ?? false,
      },
    });
  }
}

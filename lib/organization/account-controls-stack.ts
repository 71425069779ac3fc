import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import * as kms from 'aws-cdk-lib/aws-kms';
import { AccountLockout } from '../../constructs/identity/account-lockout';
import { AccountPasswordPolicy } from '../../constructs/identity/account-password-policy';
import { allowCloudWatchLogs } from '../../constructs/security/keys';
import { retainExceptOnCreate } from '../../constructs/common/removal';
import type { OrganizationConfig } from '../config';
import type { PolicyProfile } from '../policy/profile';
import { acknowledgeNonEnvironmentStack, ORGANIZATION_CONTROLS_SOURCE } from './non-environment-stack';
import { securityTopic } from './security-topic';

/** Props of {@link AccountControlsStack}. */
export interface AccountControlsStackProps extends StackProps {
  /** The organization's configuration: which account-wide controls the StackSet sets. */
  readonly organization: OrganizationConfig;
  /** The address subscribed to each account's security topic (DPP 2.7 Incident Response). */
  readonly alertEmail: string;
  /** The policy profile whose thresholds the controls meet. */
  readonly policy: PolicyProfile;
}

/**
 * The account-wide controls a StackSet deploys once per account, in the organization's home region:
 * the IAM account password policy (DPP 2.4 Credential Management) and the lockout after failed
 * console sign-ins (DPP 2.2 Access Management), reporting to a KMS-encrypted security topic. Their
 * handlers' code is inline in the template (a StackSet instance cannot read the administrator
 * account's asset bucket) and CloudFormation invokes the password-policy handler directly.
 * The lockout's EventBridge rule sees this region's failed sign-ins; the sign-in forwarding
 * StackSet brings the other regions' (README "Organization").
 */
export class AccountControlsStack extends Stack {
  public readonly passwordPolicy?: AccountPasswordPolicy;
  public readonly lockout?: AccountLockout;

  constructor(scope: Construct, id: string, props: AccountControlsStackProps) {
    super(scope, id, props);
    const { organization, policy } = props;
    acknowledgeNonEnvironmentStack(this, 'The StackSet deploys account-wide controls to accounts of the organization', ORGANIZATION_CONTROLS_SOURCE,
      [...(organization.passwordPolicy ? ['passwordPolicy' as const] : []), ...(organization.accountLockout ? ['securityTopic' as const] : [])]);
    const logEncryptionKey = new kms.Key(this, 'LogsKey', { enableKeyRotation: true, description: 'DPP account controls: the handlers\' log groups', removalPolicy: retainExceptOnCreate() });
    allowCloudWatchLogs(logEncryptionKey);
    if (organization.passwordPolicy) {
      this.passwordPolicy = new AccountPasswordPolicy(this, 'AccountPasswordPolicy', { policy, logEncryptionKey, inlineCode: true });
    }
    if (organization.accountLockout) {
      this.lockout = new AccountLockout(this, 'AccountLockout', { alertTopic: securityTopic(this, props.alertEmail), policy, logEncryptionKey, inlineCode: true });
    }
  }
}

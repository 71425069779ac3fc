import { RemovalPolicy, Validations, type Stack } from 'aws-cdk-lib';
import { AuditTrail } from '../../constructs/audit/audit-trail';
import { retentionOfAtLeast } from '../../constructs/audit/log-retention';
import { SecurityAlarms } from '../../constructs/audit/security-alarms';
import { DetectiveServices } from '../../constructs/detection/detective-services';
import { AccountLockout } from '../../constructs/identity/account-lockout';
import { AccountPasswordPolicy } from '../../constructs/identity/account-password-policy';
import { DppUserPool } from '../../constructs/identity/dpp-user-pool';
import { MfaEnforcement } from '../../constructs/identity/mfa-enforcement';
import type { EnvironmentConfig } from '../config';
import type { BaselineEnvironment } from './environment';
import type { NetworkAndData } from './network-data';

/** What the identity, audit and detection part of the baseline adds. */
export interface IdentityAndAudit {
  /** Absent with `features.passwordPolicy: "existing"`. */
  readonly passwordPolicy?: AccountPasswordPolicy;
  readonly mfa: MfaEnforcement;
  readonly trail: AuditTrail;
  readonly alarms: SecurityAlarms;
  /** Absent with `features.accountLockout: "existing"`. */
  readonly lockout?: AccountLockout;
  readonly detective: DetectiveServices;
  /** Present when `features.userPool`. */
  readonly userPool?: DppUserPool;
}

/** The rule that fails when an environment records no configuration (DPP 3.3). */
export const CONFIG_RECORDER_RULE = 'DPP::DPP-3.3-ConfigRecorderPresent';
/** Why an environment with `features.config=false` is acceptable: Config is recorded elsewhere. */
export const CONFIG_OFF_REASON = "AWS Config is run by the organization's administrator account (features.config=false)";
/** Why an environment with `features.config="existing"` has no recorder of its own: the organization's records it, and the DPP rules run on it. */
export const CONFIG_EXISTING_REASON =
  'The organization (e.g. Control Tower) already runs the AWS Config recorder and delivery channel of this account and region; a second recorder cannot be created. ' +
  'The baseline adds its DPP Config rules on top of that recorder (features.config="existing").';

/** The rule that asks each environment for the account password policy (DPP 2.4). */
export const PASSWORD_POLICY_RULE = 'DPP::DPP-2.4-AccountPasswordPolicyPresent';
/** Why an environment with `features.passwordPolicy="existing"` sets no password policy itself. */
export const PASSWORD_POLICY_EXISTING_REASON =
  'The IAM account password policy of this account is set by the organization\'s StackSet of account-level controls (organization.passwordPolicy) or another account-wide owner; ' +
  'one policy per account, so a second would fight it (features.passwordPolicy="existing"). `dpp audit` checks the account\'s actual policy.';

/**
 * Adds the identity, audit and detection constructs (DPP 2.2, 2.4, 2.7, 3.3, 3.6, 3.7) to a
 * baseline stack: the account password policy, MFA enforcement and the human groups, the audit
 * trail, the security topic with the CIS alarms, the account lockout, the detective services
 * (each off only by its `features` key) and, with `features.userPool`, the application user pool.
 *
 * The lockout counts failed console sign-ins of every region from the multi-region trail's log
 * group (sign-ins through regional endpoints are logged in the region signed into), so the
 * environment needs no stack in another region.
 * `test` can be torn down (keys and the user pool go with the stack); `prod` keeps them, with
 * deletion protection on the user pool. Audit logs are retained in both.
 */
export function addIdentityAndAudit(stack: Stack, environment: BaselineEnvironment, config: EnvironmentConfig, networkAndData: NetworkAndData): IdentityAndAudit {
  const prod = environment.kind === 'prod';
  const removalPolicy = prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
  const logRetention = retentionOfAtLeast(config.logRetentionDays);
  const logEncryptionKey = networkAndData.keys.logs;

  const { features } = config;
  // One password policy and one lockout per account: "existing" leaves them to the organization's StackSet.
  const passwordPolicy = features.passwordPolicy === true
    ? new AccountPasswordPolicy(stack, 'AccountPasswordPolicy', { logRetention, logEncryptionKey })
    : undefined;
  if (!passwordPolicy) Validations.of(stack).acknowledge({ id: PASSWORD_POLICY_RULE, reason: PASSWORD_POLICY_EXISTING_REASON });
  const mfa = new MfaEnforcement(stack, 'MfaEnforcement', { developersMayDeploy: !prod });

  // Audit evidence outlives the stack in every environment.
  const trail = new AuditTrail(stack, 'AuditTrail', { logRetention });
  const alarms = new SecurityAlarms(stack, 'SecurityAlarms', { alertEmail: config.alertEmail, trailLogGroup: trail.logGroup, removalPolicy });
  const lockout = features.accountLockout === true
    ? new AccountLockout(stack, 'AccountLockout', { alertTopic: alarms.topic, logRetention, logEncryptionKey, deletionProtection: prod, trailLogGroup: trail.logGroup })
    : undefined;

  const detective = new DetectiveServices(stack, 'DetectiveServices', {
    alertTopic: alarms.topic,
    guardDuty: features.guardDuty,
    securityHub: features.securityHub,
    config: features.config,
    macie: features.macie,
    inspector: features.inspector,
    logRetention,
    logEncryptionKey,
    accessLogsBucket: trail.accessLogsBucket,
    removalPolicy,
  });
  if (features.config !== true) {
    Validations.of(stack).acknowledge({ id: CONFIG_RECORDER_RULE, reason: features.config === 'existing' ? CONFIG_EXISTING_REASON : CONFIG_OFF_REASON });
  }

  const userPool = features.userPool
    ? new DppUserPool(stack, 'UserPool', { deletionProtection: prod, removalPolicy })
    : undefined;

  return { passwordPolicy, mfa, trail, alarms, lockout, detective, userPool };
}

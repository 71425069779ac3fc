import { Duration, RemovalPolicy, Tags } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { TAG_CLASSIFICATION, TAG_DATA_ORIGIN } from '../../lib/checks/vocabulary';
import { policyFor, requireIntegerInRange, requireText } from '../common/validate';
import { provisionedDefaults } from '../../lib/policy/defaults';
import { recordCreationTrace } from '../common/creation-trace';

/** Props of {@link DppUserPool}. */
export interface DppUserPoolProps {
  /**
   * The pool's name.
   * @default - a name CloudFormation generates
   */
  readonly userPoolName?: string;
  /**
   * Minimum password length, from 12 (DPP 2.4) to 99 (Cognito's maximum).
   * @default 14
   */
  readonly minimumPasswordLength?: number;
  /**
   * Whether people may create their own account. The DPP asks for a formal registration with a
   * unique ID per person (DPP 2.2), so accounts are created by an administrator unless set.
   * @default false
   */
  readonly selfSignUpEnabled?: boolean;
  /**
   * Whether CloudFormation refuses to delete the pool (set it in prod).
   * @default true
   */
  readonly deletionProtection?: boolean;
  /**
   * What happens to the pool (and its users) when it leaves the stack.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * The `dpp:data-origin` of the users' profiles (DPP 2.9 Data Attribution).
   * @default 'internal'
   */
  readonly dataOrigin?: string;
}

const NAME = 'DppUserPool';
/** Cognito's longest minimum length. */
const COGNITO_MAX_LENGTH = 99;

/**
 * A Cognito user pool for an application's own users (DPP 2.2 Access Management, DPP 2.4
 * Credential Management):
 * - MFA required, with an authenticator app (TOTP) only — no SMS, which can be intercepted;
 * - passwords of at least 12 characters (14 by default) with upper case, lower case, numbers and
 *   symbols, the last 24 not reusable, temporary passwords valid one day;
 * - threat protection enforced (the Plus feature plan, `StandardThreatProtectionMode.FULL_FUNCTION`):
 *   compromised-credential detection and adaptive authentication block risky sign-ins, the
 *   lockout DPP 2.2 asks for on anomalous log-ins;
 * - no self sign-up unless asked for; sign-in by e-mail, case-insensitive; recovery by e-mail;
 * - deletion protection and retention on removal by default.
 * The pool holds personal data (names, e-mail addresses), so it is tagged `dpp:classification=pii`.
 * Like IAM, Cognito cannot enforce a minimum password age or "no part of the user name"
 * (DPP 2.4): enforce them in the identity provider if the pool federates one.
 */
export class DppUserPool extends Construct {
  public readonly userPool: cognito.UserPool;

  constructor(scope: Construct, id: string, props: DppUserPoolProps = {}) {
    super(scope, id);
    recordCreationTrace(this, new.target);
    const policy = policyFor(this, undefined);
    const floor = policy.values.passwordMinLength;
    const minLength = requireIntegerInRange(NAME, 'minimumPasswordLength', props.minimumPasswordLength ?? provisionedDefaults(policy).passwordMinLength,
      floor, COGNITO_MAX_LENGTH, `DPP 2.4 requires at least ${floor} under profile ${policy.name}`);
    const dataOrigin = requireText(NAME, 'dataOrigin', props.dataOrigin ?? 'internal');

    this.userPool = new cognito.UserPool(this, 'Resource', {
      userPoolName: props.userPoolName,
      selfSignUpEnabled: props.selfSignUpEnabled ?? false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        passwordHistorySize: 24,
        tempPasswordValidity: Duration.days(1),
      },
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: props.deletionProtection ?? true,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    Tags.of(this.userPool).add(TAG_CLASSIFICATION, 'pii');
    Tags.of(this.userPool).add(TAG_DATA_ORIGIN, dataOrigin);
  }
}

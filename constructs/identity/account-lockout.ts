import { Duration, RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as destinations from 'aws-cdk-lib/aws-logs-destinations';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { LOCKED_TAG } from '../../lib/handlers/lockout-tag';
import { TAG_CLASSIFICATION, TAG_DATA_ORIGIN } from '../../lib/checks/vocabulary';
import { provisionedDefaults } from '../../lib/policy/defaults';
import type { PolicyProfile } from '../../lib/policy/profile';
import { defaultLogRetention, requireLogRetentionDays } from '../audit/log-retention';
import { acknowledgeControlPlaneFunction, acknowledgeNag, wildcardActionFinding, wildcardResourceFinding } from '../common/nag-acknowledgments';
import { invalidProp, policyFor, requireIntegerInRange } from '../common/validate';
import { HandlerFunction } from './handler-function';
import { recordCreationTrace } from '../common/creation-trace';

/** How a locked-out IAM user is locked. */
export enum LockoutAction {
  /**
   * Attach a managed policy that denies every action. Reversible without touching the user's
   * password or MFA: detach the policy to unlock. The user can still sign in, but can do nothing.
   */
  DENY_ALL_POLICY = 'deny-all-policy',
  /** Delete the user's console password (login profile): no console sign-in until an administrator sets a new one. */
  REMOVE_LOGIN_PROFILE = 'remove-login-profile',
}

/**
 * The EventBridge pattern of a failed console sign-in of an IAM user, as CloudTrail delivers it.
 * Shared by {@link AccountLockout} and {@link ConsoleSignInForwarder}.
 */
export const CONSOLE_SIGN_IN_FAILURE_PATTERN: events.EventPattern = {
  source: ['aws.signin'],
  detailType: ['AWS Console Sign In via CloudTrail'],
  detail: {
    eventName: ['ConsoleLogin'],
    responseElements: { ConsoleLogin: ['Failure'] },
    userIdentity: { type: ['IAMUser'] },
  },
};

/** Props of {@link AccountLockout}. */
export interface AccountLockoutProps {
  /** The security topic the lockout is reported to (DPP 2.7 Incident Response). */
  readonly alertTopic: sns.ITopic;
  /**
   * Failed sign-ins within `window` that lock the user: 1 to the profile's maximum (DPP 2.2; 10 in `dpp` and `dpp-2025`).
   * @default 5 (or the profile's maximum, if lower)
   */
  readonly maxFailures?: number;
  /**
   * The window failures are counted in, from the first failure: whole minutes, 1 minute to the profile's maximum (a day).
   * @default Duration.minutes(15)
   */
  readonly window?: Duration;
  /**
   * How the user is locked.
   * @default LockoutAction.DENY_ALL_POLICY
   */
  readonly action?: LockoutAction;
  /**
   * Retention of the handler's logs: at least 90 days (DPP 3.6 Logging and Monitoring).
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * The customer-managed key the handler's log group is encrypted with (DPP 3.4); its policy must
   * let CloudWatch Logs use it (`EncryptionKeys.logs` does).
   * @default - CloudWatch Logs' own encryption at rest
   */
  readonly logEncryptionKey?: kms.IKey;
  /**
   * Whether the counter table has deletion protection (required in prod, DPP 3.7). The table is
   * retained when protected, and deleted with the stack otherwise (it holds only open windows).
   * @default true
   */
  readonly deletionProtection?: boolean;
  /**
   * The policy profile whose thresholds bound the props and set the defaults (README "Policy profiles").
   * @default - the profile in construct context (`dpp:policy`), else `dpp`
   */
  readonly policy?: PolicyProfile;
  /**
   * The CloudWatch Logs group of a multi-region CloudTrail trail (e.g. {@link AuditTrail.logGroup}).
   * Console sign-ins through regional endpoints are logged in the region signed into, and a
   * multi-region trail delivers every region's events to its one log group: a subscription filter
   * on it hands the handler the failed sign-ins of every region. Without it, an EventBridge rule sees
   * only the sign-ins logged in this stack's region (deploy a {@link ConsoleSignInForwarder} in
   * us-east-1 for the global endpoint's).
   * @default - an EventBridge rule: failed sign-ins logged in this stack's region only
   */
  readonly trailLogGroup?: logs.ILogGroup;
  /**
   * Put the handler's code in the template instead of a CDK asset: for a template deployed where
   * the asset bucket cannot be read, such as a StackSet's instances in the organization's accounts
   * (README "Organization").
   * @default false
   */
  readonly inlineCode?: boolean;
}

/**
 * The CloudWatch Logs filter of a failed console sign-in of an IAM user, on CloudTrail records
 * (the fields of {@link CONSOLE_SIGN_IN_FAILURE_PATTERN}).
 * Source: https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html
 */
export const CONSOLE_SIGN_IN_FAILURE_FILTER = '{ ($.eventName = "ConsoleLogin") && ($.responseElements.ConsoleLogin = "Failure") && ($.userIdentity.type = "IAMUser") }';

const NAME = 'AccountLockout';

/**
 * Account lockout after repeated failed console sign-ins (DPP 2.2 Access Management: lock
 * accounts on anomalous log-in attempts).
 *
 * CloudTrail's failed `ConsoleLogin` records of IAM users (through a subscription filter on a
 * multi-region trail's log group, or an EventBridge rule) invoke a function that counts failures per user in a DynamoDB table (an atomic counter per user and
 * window, expired by TTL) and, at `maxFailures` within `window`, locks the user (see
 * {@link LockoutAction}), tags the user `dpp:locked` with the time, and notifies the security
 * topic. Redelivered events are not counted twice and repeated lock actions are no-ops. An event
 * the function still fails on after Lambda's retries goes to the security topic too (its
 * dead-letter target), so a lockout is never silently lost.
 *
 * **Where sign-in events arrive.** CloudTrail logs a console sign-in in the region of the sign-in
 * endpoint: us-east-1 for the global endpoint, the region signed into for regional endpoints
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html).
 * With `trailLogGroup` (a multi-region trail's log group, which receives every region's events)
 * a subscription filter counts them all. Without it, an EventBridge rule matches events of this
 * region only; a {@link ConsoleSignInForwarder} in us-east-1 adds the global endpoint's, and
 * other regions' stay uncounted.
 *
 * **Unlocking** (an administrator, after confirming the person's identity and reviewing the
 * attempts as a possible incident):
 * - `DENY_ALL_POLICY`: `aws iam detach-user-policy --user-name <user> --policy-arn <denyAllPolicy ARN>`;
 * - `REMOVE_LOGIN_PROFILE`: `aws iam create-login-profile --user-name <user> --password-reset-required --password <temporary>`;
 * - then `aws iam untag-user --user-name <user> --tag-keys dpp:locked`. A further failure within
 *   the same window locks the user again; delete the user's item from `table` to reset the count.
 * The notification sent to the topic spells these commands out for the user concerned.
 */
export class AccountLockout extends Construct {
  /** The failure counters. */
  public readonly table: dynamodb.Table;
  /** The managed policy that denies everything, attached to a locked user (with `DENY_ALL_POLICY`). */
  public readonly denyAllPolicy: iam.ManagedPolicy;
  /** The function that counts and locks. */
  public readonly handler: HandlerFunction;
  /** The EventBridge rule on failed console sign-ins (without `trailLogGroup`). */
  public readonly rule?: events.Rule;
  /** The subscription filter on the trail's log group (with `trailLogGroup`). */
  public readonly subscription?: logs.SubscriptionFilter;
  /** Failed sign-ins within the window that lock a user. */
  public readonly maxFailures: number;

  constructor(scope: Construct, id: string, props: AccountLockoutProps) {
    super(scope, id);
    recordCreationTrace(this, new.target);
    const policy = policyFor(this, props.policy);
    const defaults = provisionedDefaults(policy);
    const { lockoutMaxAttempts, lockoutMaxWindowMinutes } = policy.values;
    const maxFailures = this.maxFailures = requireIntegerInRange(NAME, 'maxFailures', props.maxFailures ?? defaults.lockoutAttempts, 1, lockoutMaxAttempts,
      `DPP 2.2: lockout after at most ${lockoutMaxAttempts} attempts under profile ${policy.name}`);
    const window = props.window ?? Duration.minutes(defaults.lockoutWindowMinutes);
    const windowMinutes = window.toSeconds() / 60;
    if (!Number.isInteger(windowMinutes) || windowMinutes < 1 || windowMinutes > lockoutMaxWindowMinutes) {
      invalidProp(NAME, 'window', `must be whole minutes from 1 minute to ${lockoutMaxWindowMinutes % 60 === 0 ? `${lockoutMaxWindowMinutes / 60} hours` : `${lockoutMaxWindowMinutes} minutes`}, got ${window.toHumanString()}`);
    }
    const action = props.action ?? LockoutAction.DENY_ALL_POLICY;
    const logRetention = requireLogRetentionDays(NAME, 'logRetention', props.logRetention ?? defaultLogRetention(policy), policy);

    const deletionProtection = props.deletionProtection ?? true;
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: 'userName', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: 'expiresAt',
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      // Restores the open windows after a faulty change; a week is plenty for counters that live minutes.
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true, recoveryPeriodInDays: 7 },
      deletionProtection,
      removalPolicy: deletionProtection ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    Tags.of(this.table).add(TAG_DATA_ORIGIN, 'internal');
    Tags.of(this.table).add(TAG_CLASSIFICATION, 'internal');
    acknowledgeNag(this.table, 'NIST.800.53.R5-DynamoDBInBackupPlan',
      'The table holds only open failure-count windows, which expire by TTL within the lockout window: losing it merely restarts the counts, and locked users stay locked (the lock is on the IAM user). ' +
      'Point-in-time recovery covers a faulty change, so an AWS Backup plan would keep copies of nothing worth restoring.');

    this.denyAllPolicy = new iam.ManagedPolicy(this, 'DenyAllPolicy', {
      description: 'DPP 2.2: attached to an IAM user locked out after repeated failed sign-ins; detach to unlock',
      statements: [new iam.PolicyStatement({ sid: 'LockedOut', effect: iam.Effect.DENY, actions: ['*'], resources: ['*'] })],
    });

    this.handler = new HandlerFunction(this, 'Handler', {
      handler: 'account-lockout',
      description: 'DPP 2.2: locks an IAM user after repeated failed console sign-ins',
      logRetention,
      logEncryptionKey: props.logEncryptionKey,
      deadLetterTopic: props.alertTopic,
      inlineCode: props.inlineCode,
      environment: {
        TABLE_NAME: this.table.tableName,
        TOPIC_ARN: props.alertTopic.topicArn,
        MAX_FAILURES: String(maxFailures),
        WINDOW_SECONDS: String(window.toSeconds()),
        LOCKOUT_ACTION: action,
        DENY_POLICY_ARN: this.denyAllPolicy.managedPolicyArn,
      },
    });
    const fn = this.handler.function;
    this.table.grant(fn, 'dynamodb:UpdateItem');
    props.alertTopic.grantPublish(fn);

    const { partition, account } = Stack.of(this);
    const users = `arn:${partition}:iam::${account}:user/*`;
    if (action === LockoutAction.DENY_ALL_POLICY) {
      // Only this policy: the function must not be able to attach anything that grants.
      fn.addToRolePolicy(new iam.PolicyStatement({
        actions: ['iam:AttachUserPolicy'],
        resources: [users],
        conditions: { ArnEquals: { 'iam:PolicyARN': this.denyAllPolicy.managedPolicyArn } },
      }));
    } else {
      fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['iam:DeleteLoginProfile'], resources: [users] }));
    }
    fn.addToRolePolicy(new iam.PolicyStatement({
      actions: ['iam:TagUser'],
      resources: [users],
      conditions: { 'ForAllValues:StringEquals': { 'aws:TagKeys': [LOCKED_TAG] } },
    }));

    acknowledgeNag(this.handler, wildcardResourceFinding(this, users),
      'The lockout must be able to act on whichever IAM user fails to sign in, so it names every user of this account; conditions narrow each action: ' +
      'it may attach only the deny-all policy of this construct (iam:PolicyARN) and add only the dpp:locked tag (aws:TagKeys), so it can lock users but never grant them anything.');
    acknowledgeNag(this.handler, wildcardActionFinding('kms:GenerateDataKey*'),
      'kms:GenerateDataKey* is what CDK grants for publishing to the KMS-encrypted security topic, on that topic\'s key only: SNS needs a data key to encrypt each lockout notification. ' +
      'That key encrypts nothing but the security topic, so the grant opens no other data.');
    acknowledgeControlPlaneFunction(this.handler, { calls: 'DynamoDB, IAM and SNS', invokedBy: 'the EventBridge rule on failed console sign-ins', customResource: false });

    if (props.trailLogGroup) {
      // One path only: the same failure through two would reach the handler twice.
      this.subscription = new logs.SubscriptionFilter(this, 'FailedSignIns', {
        logGroup: props.trailLogGroup,
        destination: new destinations.LambdaDestination(fn),
        filterPattern: logs.FilterPattern.literal(CONSOLE_SIGN_IN_FAILURE_FILTER),
      });
    } else {
      this.rule = new events.Rule(this, 'FailedSignIns', {
        description: 'DPP 2.2: failed console sign-ins of IAM users, counted for account lockout',
        eventPattern: CONSOLE_SIGN_IN_FAILURE_PATTERN,
        targets: [new targets.LambdaFunction(fn, { retryAttempts: 8, maxEventAge: Duration.hours(2) })],
      });
    }
  }
}

import { Stack, Token, type StackProps } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { Construct } from 'constructs';
import { acknowledgeInlinePolicy } from '../common/nag-acknowledgments';
import { invalidProp } from '../common/validate';
import { CONSOLE_SIGN_IN_FAILURE_PATTERN } from './account-lockout';

/**
 * Where CloudTrail records the console sign-ins of IAM users through the global sign-in endpoint,
 * kept as data with its source (unit-tested): us-east-1 without an account-alias cookie, else
 * us-east-2, eu-north-1 or ap-southeast-2 (by latency). A sign-in through a regional endpoint is
 * recorded in that endpoint's region, and a root user's in us-east-1
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html).
 */
export const GLOBAL_SIGN_IN_EVENT_REGIONS = ['us-east-1', 'us-east-2', 'eu-north-1', 'ap-southeast-2'] as const;

/** The region where CloudTrail records sign-ins of the global endpoint without an account-alias cookie. */
export const SIGN_IN_EVENTS_REGION = GLOBAL_SIGN_IN_EVENT_REGIONS[0];

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

/** Props of {@link ConsoleSignInForwarder}. */
export interface ConsoleSignInForwarderProps {
  /** The region of the {@link AccountLockout} the events go to. */
  readonly targetRegion: string;
  /**
   * The account of the {@link AccountLockout}.
   * @default - this stack's account
   */
  readonly targetAccount?: string;
}

const NAME = 'ConsoleSignInForwarder';

/**
 * Forwards failed console sign-ins of IAM users from the region it is deployed in to the default
 * event bus of the region where the {@link AccountLockout} runs (DPP 2.2 Access Management):
 * CloudTrail records a sign-in in the region of the endpoint used (see
 * {@link GLOBAL_SIGN_IN_EVENT_REGIONS}), and an EventBridge rule sees only its own region's events.
 * Deploy one in each region users may sign in through, other than the lockout's, in the same
 * account (the organization's StackSet does: README "Organization"). Only the failed-sign-in
 * events are forwarded, through a role EventBridge assumes that may only put events on that bus:
 * an event bus of another region is a rule target like any other, and within one account the
 * target bus needs no resource policy
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-cross-region.html).
 */
export class ConsoleSignInForwarder extends Construct {
  public readonly rule: events.Rule;

  constructor(scope: Construct, id: string, props: ConsoleSignInForwarderProps) {
    super(scope, id);
    const stack = Stack.of(this);
    if (!REGION.test(props.targetRegion)) invalidProp(NAME, 'targetRegion', `must be an AWS region, got ${JSON.stringify(props.targetRegion)}`);
    if (!Token.isUnresolved(stack.region) && stack.region === props.targetRegion) {
      invalidProp(NAME, 'targetRegion', `must not be the stack's own region ${stack.region}: an AccountLockout there receives the events directly`);
    }
    const account = props.targetAccount ?? stack.account;
    const bus = events.EventBus.fromEventBusArn(this, 'TargetBus', `arn:${stack.partition}:events:${props.targetRegion}:${account}:event-bus/default`);
    this.rule = new events.Rule(this, 'FailedSignIns', {
      description: `DPP 2.2: forwards failed console sign-ins to ${props.targetRegion} for account lockout`,
      eventPattern: CONSOLE_SIGN_IN_FAILURE_PATTERN,
      targets: [new targets.EventBus(bus)],
    });
    acknowledgeInlinePolicy(this.rule, `the role EventBridge assumes to put the events on the default bus of ${props.targetRegion}`);
  }
}

/** Props of {@link ConsoleSignInForwarderStack}. */
export interface ConsoleSignInForwarderStackProps extends StackProps, ConsoleSignInForwarderProps {}

/**
 * A small stack holding only a {@link ConsoleSignInForwarder}, in `env.region`
 * (default: us-east-1, where the global endpoint's sign-ins are recorded most often).
 */
export class ConsoleSignInForwarderStack extends Stack {
  public readonly forwarder: ConsoleSignInForwarder;

  constructor(scope: Construct, id: string, props: ConsoleSignInForwarderStackProps) {
    super(scope, id, { ...props, env: { account: props.env?.account ?? props.targetAccount, region: props.env?.region ?? SIGN_IN_EVENTS_REGION } });
    this.forwarder = new ConsoleSignInForwarder(this, 'Forwarder', { targetRegion: props.targetRegion, targetAccount: props.targetAccount });
  }
}

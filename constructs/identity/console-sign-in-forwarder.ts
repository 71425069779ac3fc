import { Stack, Token, type StackProps } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { Construct } from 'constructs';
import { acknowledgeInlinePolicy } from '../common/nag-acknowledgments';
import { invalidProp } from '../common/validate';
import { CONSOLE_SIGN_IN_FAILURE_PATTERN } from './account-lockout';

/** The region where CloudTrail delivers console sign-in events of the global sign-in endpoint. */
export const SIGN_IN_EVENTS_REGION = 'us-east-1';

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
 * Forwards failed console sign-ins of IAM users from us-east-1, where CloudTrail delivers the
 * sign-in events of the global sign-in endpoint, to the default event bus of the region where
 * the {@link AccountLockout} runs (DPP 2.2 Access Management). Deploy it in a stack in us-east-1
 * of the same account (e.g. {@link ConsoleSignInForwarderStack}). Only the failed-sign-in events
 * are forwarded, through a role EventBridge assumes that may only put events on that bus.
 */
export class ConsoleSignInForwarder extends Construct {
  public readonly rule: events.Rule;

  constructor(scope: Construct, id: string, props: ConsoleSignInForwarderProps) {
    super(scope, id);
    const stack = Stack.of(this);
    if (!Token.isUnresolved(stack.region) && stack.region !== SIGN_IN_EVENTS_REGION) {
      invalidProp(NAME, 'scope', `must be in a stack in ${SIGN_IN_EVENTS_REGION} (where sign-in events arrive), got ${stack.region}`);
    }
    if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(props.targetRegion)) invalidProp(NAME, 'targetRegion', `must be an AWS region, got ${JSON.stringify(props.targetRegion)}`);
    if (props.targetRegion === SIGN_IN_EVENTS_REGION) {
      invalidProp(NAME, 'targetRegion', `must not be ${SIGN_IN_EVENTS_REGION}: an AccountLockout there receives the events directly`);
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

/** A small stack in us-east-1 holding only a {@link ConsoleSignInForwarder}. */
export class ConsoleSignInForwarderStack extends Stack {
  public readonly forwarder: ConsoleSignInForwarder;

  constructor(scope: Construct, id: string, props: ConsoleSignInForwarderStackProps) {
    super(scope, id, { ...props, env: { account: props.env?.account ?? props.targetAccount, region: SIGN_IN_EVENTS_REGION } });
    this.forwarder = new ConsoleSignInForwarder(this, 'Forwarder', { targetRegion: props.targetRegion, targetAccount: props.targetAccount });
  }
}

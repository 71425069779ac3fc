import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ConsoleSignInForwarder } from '../../constructs/identity/console-sign-in-forwarder';
import { acknowledgeNonEnvironmentStack, ORGANIZATION_CONTROLS_SOURCE } from './non-environment-stack';

/** Props of {@link SignInForwardingStack}. */
export interface SignInForwardingStackProps extends StackProps {
  /** The home region, where each account's lockout runs. */
  readonly homeRegion: string;
}

/**
 * What a StackSet deploys in every region other than the home region, in each account: a rule that
 * forwards the region's failed console sign-ins to the lockout in the home region (DPP 2.2 Access
 * Management). CloudTrail records a sign-in in the region of the endpoint used, so without it a
 * sign-in through another region's endpoint would go uncounted. Only native resources.
 */
export class SignInForwardingStack extends Stack {
  public readonly forwarder: ConsoleSignInForwarder;

  constructor(scope: Construct, id: string, props: SignInForwardingStackProps) {
    super(scope, id, props);
    acknowledgeNonEnvironmentStack(this, 'The StackSet forwards failed sign-ins of each region of the organization\'s accounts', ORGANIZATION_CONTROLS_SOURCE);
    // The account is the instance's own: AWS::AccountId when the StackSet deploys it.
    this.forwarder = new ConsoleSignInForwarder(this, 'Forwarder', { targetRegion: props.homeRegion });
  }
}

import { Tags, Validations, type Stack } from 'aws-cdk-lib';
import { TAG_CLASSIFICATION, TAG_DATA_ORIGIN } from '../checks/vocabulary';

/** The environment controls the DPP pack asks of every environment's stacks (CONTROLS.md "environment controls"). */
const ENVIRONMENT_CONTROL_RULES = {
  'DPP::DPP-3.6-TrailPresent': 'its trail',
  'DPP::DPP-3.3-ConfigRecorderPresent': 'its Config recorder',
  'DPP::DPP-2.7-SecurityTopicSubscribed': 'its subscribed security topic',
  'DPP::DPP-2.4-AccountPasswordPolicyPresent': 'its password policy',
} as const;

/**
 * Marks a stack that belongs to no DPP environment (the delivery pipeline's tooling account, the
 * StackSets' administrator account, a StackSet's body): its stores hold internal data, no PII (DPP
 * 2.9 Data Attribution), and the environment controls are acknowledged with `where` they come from.
 * `what` names the stack, e.g. "The delivery pipeline runs in a tooling account".
 */
export function acknowledgeNonEnvironmentStack(stack: Stack, what: string, where: string): void {
  Tags.of(stack).add(TAG_DATA_ORIGIN, 'internal');
  Tags.of(stack).add(TAG_CLASSIFICATION, 'internal');
  for (const [id, control] of Object.entries(ENVIRONMENT_CONTROL_RULES)) {
    Validations.of(stack).acknowledge({ id, reason: `${what} that belongs to no DPP environment; ${control} comes from ${where}, not from this stack.` });
  }
}

import { Tags, Validations, type Stack } from 'aws-cdk-lib';
import { TAG_CLASSIFICATION, TAG_DATA_ORIGIN } from '../checks/vocabulary';

/** The environment controls the DPP pack asks of every environment's stacks (CONTROLS.md "environment controls"), by a short name. */
const ENVIRONMENT_CONTROL_RULES = {
  trail: { id: 'DPP::DPP-3.6-TrailPresent', control: 'its trail' },
  configRecorder: { id: 'DPP::DPP-3.3-ConfigRecorderPresent', control: 'its Config recorder' },
  securityTopic: { id: 'DPP::DPP-2.7-SecurityTopicSubscribed', control: 'its subscribed security topic' },
  passwordPolicy: { id: 'DPP::DPP-2.4-AccountPasswordPolicyPresent', control: 'its password policy' },
} as const;

/** Where a StackSet body's account gets the environment controls the body does not set itself. */
export const ORGANIZATION_CONTROLS_SOURCE = 'Control Tower (the organization trail, Config), the organization\'s other StackSets or each environment\'s baseline in that account';

/** An environment control, by its short name. */
export type EnvironmentControl = keyof typeof ENVIRONMENT_CONTROL_RULES;

/**
 * Marks a stack that belongs to no DPP environment (the delivery pipeline's tooling account, the
 * StackSets' administrator account, a StackSet's body): its stores hold internal data, no PII (DPP
 * 2.9 Data Attribution), and the environment controls are acknowledged, each with where it comes
 * from: `where`, or this stack itself for those in `own` (e.g. a StackSet body that sets the
 * password policy of every account it reaches). `what` names the stack, e.g. "The delivery
 * pipeline runs in a tooling account".
 */
export function acknowledgeNonEnvironmentStack(stack: Stack, what: string, where: string, own: readonly EnvironmentControl[] = []): void {
  Tags.of(stack).add(TAG_DATA_ORIGIN, 'internal');
  Tags.of(stack).add(TAG_CLASSIFICATION, 'internal');
  for (const [name, { id, control }] of Object.entries(ENVIRONMENT_CONTROL_RULES)) {
    const from = own.includes(name as EnvironmentControl) ? 'is this stack\'s own, in each account and region it is deployed to' : `comes from ${where}, not from this stack`;
    Validations.of(stack).acknowledge({ id, reason: `${what} that belongs to no DPP environment; ${control} ${from}.` });
  }
}

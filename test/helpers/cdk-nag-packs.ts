import type { Stack } from 'aws-cdk-lib';
import { AwsSolutionsChecks, NIST80053R5Checks, type NagPack } from 'cdk-nag';

/** cdk-nag's packs the baseline is held to besides its own, by name (for `test.each`). */
export const CDK_NAG_PACKS: ReadonlyArray<[string, () => NagPack]> = [
  ['AwsSolutions', () => new AwsSolutionsChecks()],
  ['NIST.800.53.R5', () => new NIST80053R5Checks()],
];

/** The unacknowledged errors a pack finds in stacks, one line each: rule and construct paths. */
export function nagErrors(stacks: readonly Stack[], pack: () => NagPack): string[] {
  return stacks.flatMap((stack) => pack().validateScope(stack).violations
    .filter((v) => v.severity === 'error')
    .map((v) => `${v.ruleName} on ${v.violatingResources.map((r) => r.constructPath).join(', ')}`));
}

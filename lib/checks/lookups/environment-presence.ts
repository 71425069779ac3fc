import type { TemplateIndex } from '../template-index';
import type { AppVerdict } from '../types';
import { fail, unresolvable, warn } from '../types';
import { TAG_ENVIRONMENT } from '../vocabulary';
import { stacksByEnvironment, unknownEnvironmentVerdicts } from './stack-environments';

/**
 * The warning of an environment-control rule with nothing to check: no stack says which
 * environment it belongs to, so a passing result would mean nothing (a workload app without the
 * baseline in it). Empty when any stack names its environment, even through an intrinsic.
 */
export function environmentControlsNotChecked(indexes: readonly TemplateIndex[]): AppVerdict[] {
  if (indexes.length === 0 || indexes.some((index) => index.environment() !== undefined || index.environmentUnknownWhy())) return [];
  return [{
    stack: indexes[0].stack,
    verdict: warn(
      `environment controls not checked: no stack is tagged ${TAG_ENVIRONMENT}. A workload app in an account that runs the baseline: ` +
        `set DppChecks environmentControlsFrom (dpp check --environment-controls-from); a baseline: tag each environment's stacks ${TAG_ENVIRONMENT}`,
    ),
  }];
}

/**
 * App-rule verdicts for "each baseline environment has a resource of this type" (a Config
 * recorder, a trail): one failure per environment with none, on its first stack; a warning where
 * the only ones exist under a resource Condition (they may never be created).
 */
export function requireInEachEnvironment(indexes: readonly TemplateIndex[], type: string, what: string): AppVerdict[] {
  const verdicts: AppVerdict[] = [...environmentControlsNotChecked(indexes), ...unknownEnvironmentVerdicts(indexes)];
  for (const [environment, stacks] of stacksByEnvironment(indexes)) {
    const found = stacks.flatMap((index) => index.ofType(type).map((id) => ({ index, id })));
    if (found.some(({ index, id }) => index.resource(id)?.Condition === undefined)) continue;
    if (found.length > 0) {
      const { index, id } = found[0];
      verdicts.push({ stack: index.stack, logicalId: id, verdict: unresolvable('Condition', `the ${environment} ${what} exists only under condition ${String(index.resource(id)?.Condition)}`) });
    } else {
      verdicts.push({ stack: stacks[0].stack, verdict: fail(`environment ${environment} has no ${what} (stacks: ${stacks.map((s) => s.stack.id).join(', ')})`) });
    }
  }
  return verdicts;
}

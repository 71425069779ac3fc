import type { TemplateIndex } from '../template-index';
import type { AppVerdict } from '../types';
import { fail, unresolvable, warn } from '../types';
import { TAG_ENVIRONMENT } from '../vocabulary';
import { stacksByEnvironment, unknownEnvironmentVerdicts } from './stack-environments';

/**
 * The warning of an environment-control rule on each stack that names no environment (not even
 * through an intrinsic): the rule has nothing to check there, so a pass would mean nothing (a
 * workload app without the baseline in it). Decided per stack, whatever the other stacks say, as
 * AppRule's contract asks (streaming `dpp check` checks such a stack alone).
 */
export function environmentControlsNotChecked(indexes: readonly TemplateIndex[]): AppVerdict[] {
  return indexes
    .filter((index) => index.environment() === undefined && !index.environmentUnknownWhy())
    .map((index) => ({
      stack: index.stack,
      verdict: warn(
        `environment controls not checked: the stack is not tagged ${TAG_ENVIRONMENT}. A workload app in an account that runs the baseline: ` +
          `set DppChecks environmentControlsFrom (dpp check --environment-controls-from); a baseline: tag each environment's stacks ${TAG_ENVIRONMENT}`,
      ),
    }));
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

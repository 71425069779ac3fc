import type { TemplateIndex } from '../template-index';
import type { AppVerdict } from '../types';
import { fail, unresolvable } from '../types';
import { stacksByEnvironment, unknownEnvironmentVerdicts } from './stack-environments';

/**
 * App-rule verdicts for "each baseline environment has a resource of this type" (a Config
 * recorder, a trail): one failure per environment with none, on its first stack; a warning where
 * the only ones exist under a resource Condition (they may never be created).
 */
export function requireInEachEnvironment(indexes: readonly TemplateIndex[], type: string, what: string): AppVerdict[] {
  const verdicts: AppVerdict[] = unknownEnvironmentVerdicts(indexes);
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

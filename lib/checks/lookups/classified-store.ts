import type { ResourceContext, RuleResult } from '../types';
import { unresolvable } from '../types';
import { TAG_CLASSIFICATION } from '../vocabulary';

/**
 * Runs a check only on stores of a classification: `status` from `piiStatus` / `sensitiveStatus`
 * (vocabulary). A classification tag the template cannot decide gives a warning, never a pass,
 * so a rule that only applies to PII stores cannot be dodged by an `Fn::If` tag.
 */
export function whenClassified(ctx: ResourceContext, status: 'yes' | 'no' | 'unknown', check: () => RuleResult): RuleResult {
  if (status === 'no') return undefined;
  if (status === 'unknown') {
    const tag = ctx.tag(TAG_CLASSIFICATION);
    return unresolvable(`Tags.${TAG_CLASSIFICATION}`, tag.kind === 'unresolvable' ? tag.why : 'the classification tag is given by an intrinsic');
  }
  return check();
}

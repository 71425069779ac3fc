import type { RuleResult } from '../types';
import { unresolvable } from '../types';

/**
 * Runs a check only on stores of a classification: `status` from `piiStatus` / `sensitiveStatus`
 * (vocabulary). A classification tag the template cannot decide gives a warning, never a pass,
 * so a rule that only applies to PII stores cannot be dodged by an `Fn::If` tag.
 */
export function whenClassified(status: 'yes' | 'no' | 'unknown', check: () => RuleResult): RuleResult {
  if (status === 'no') return undefined;
  if (status === 'unknown') return unresolvable('Tags', 'the dpp:classification tag is given by an intrinsic');
  return check();
}

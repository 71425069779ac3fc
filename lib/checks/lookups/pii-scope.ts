import { TAG_CLASSIFICATION, piiStatus } from '../vocabulary';
import type { ResourceContext, Verdict } from '../types';
import { unresolvable } from '../types';

/**
 * For rules that apply to PII stores only (DPP 2.8, 3.1): whether this store is classified `pii`.
 * A classification given by an intrinsic makes "is this PII?" unknown, which must warn, never pass.
 */
export function piiScope(ctx: ResourceContext): 'pii' | 'not-pii' | Verdict {
  const status = piiStatus(ctx.index, ctx.logicalId);
  if (status === 'yes') return 'pii';
  if (status === 'no') return 'not-pii';
  const tag = ctx.tag(TAG_CLASSIFICATION);
  return unresolvable(`Tags.${TAG_CLASSIFICATION}`, tag.kind === 'unresolvable' ? tag.why : 'the classification is unknown');
}

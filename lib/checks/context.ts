import { DPP, type PolicyProfile } from '../policy/profile';
import type { TemplateIndex } from './template-index';
import type { ResourceContext } from './types';
import { ABSENT, isIntrinsic, type Value } from './values';

/**
 * Reads a dotted property path. An intrinsic met on the way (e.g. a whole block under `Fn::If`)
 * makes the value unresolvable rather than absent: the rule must not pass on it.
 */
export function readPath(index: TemplateIndex, root: unknown, path: string): Value {
  let current: unknown = root;
  const segments = path.split('.');
  for (let i = 0; i < segments.length; i++) {
    if (current === undefined || current === null) return ABSENT;
    if (isIntrinsic(current)) {
      const classified = index.classify(current);
      return classified.kind === 'unresolvable'
        ? { kind: 'unresolvable', why: `${classified.why} at ${segments.slice(0, i).join('.') || 'the top'}` }
        : { kind: 'unresolvable', why: 'a reference where an object was expected' };
    }
    if (typeof current !== 'object') return ABSENT;
    current = (current as Record<string, unknown>)[segments[i]];
  }
  return index.classify(current);
}

/** Builds the context a resource rule sees, under a policy profile (default `dpp`). */
export function resourceContext(index: TemplateIndex, logicalId: string, policy: PolicyProfile = DPP): ResourceContext {
  const resource = index.resource(logicalId)!;
  const properties = resource.Properties && typeof resource.Properties === 'object' ? resource.Properties : {};
  return {
    logicalId,
    resource,
    type: resource.Type,
    properties,
    index,
    prop: (path) => readPath(index, properties, path),
    tag: (key) => index.tag(logicalId, key),
    policy,
  };
}

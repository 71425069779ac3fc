import type { IConstruct } from 'constructs';
import { resolveProfile } from './load';
import { DPP, type PolicyProfile } from './profile';

/**
 * How constructs follow the profile: the app (or a stack) sets construct context
 * `dpp:policy` to a profile name, a profile file or a `PolicyProfile`, before adding children;
 * every construct's `policy` prop defaults to {@link policyOf} its scope. `cdk.json`
 * (`"context": { "dpp:policy": "dpp-2025" }`) and `-c dpp:policy=FILE` work the same way.
 */
export const POLICY_CONTEXT_KEY = 'dpp:policy';

const resolved = new Map<string, PolicyProfile>();

/** The profile in force at `scope`: its `dpp:policy` context, else `dpp`. */
export function policyOf(scope: IConstruct): PolicyProfile {
  const value: unknown = scope.node.tryGetContext(POLICY_CONTEXT_KEY);
  if (value === undefined) return DPP;
  if (typeof value === 'object' && value !== null && 'values' in value) return value as PolicyProfile;
  const ref = String(value);
  let profile = resolved.get(ref);
  if (!profile) {
    profile = resolveProfile(ref, POLICY_CONTEXT_KEY);
    resolved.set(ref, profile);
  }
  return profile;
}

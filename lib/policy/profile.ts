import { BUILT_IN_VALUES, type BuiltInProfileName } from './profiles';
import { REQUIREMENT_LEVELS, THRESHOLDS, type PolicyValues, type RequirementLevel, type ThresholdKey } from './thresholds';

/** A policy profile: every threshold of the DPP, named, with where it came from. */
export interface PolicyProfile {
  /** `dpp`, `dpp-2025`, or a team profile's own name. */
  readonly name: string;
  /** The built-in profile a team profile extends; its own name for a built-in. */
  readonly base: BuiltInProfileName;
  /** The file a team profile was read from. */
  readonly file?: string;
  readonly values: PolicyValues;
}

function builtIn(name: BuiltInProfileName): PolicyProfile {
  return Object.freeze({ name, base: name, values: Object.freeze({ ...BUILT_IN_VALUES[name] }) });
}

/** The policy as written: the default everywhere. */
export const DPP: PolicyProfile = builtIn('dpp');
/** The stricter 2025 profile. */
export const DPP_2025: PolicyProfile = builtIn('dpp-2025');

export const BUILT_IN_PROFILES: Readonly<Record<BuiltInProfileName, PolicyProfile>> = { dpp: DPP, 'dpp-2025': DPP_2025 };

/** "profile dpp-2025" or "profile acme (extends dpp-2025)", for messages. */
export function profileLabel(profile: PolicyProfile): string {
  return profile.name === profile.base ? `profile ${profile.name}` : `profile ${profile.name} (extends ${profile.base})`;
}

/** A value for texts: "365 days", "TLS 1.2", "required", "not required". */
export function describeValue(key: ThresholdKey, value: PolicyValues[ThresholdKey]): string {
  const spec = THRESHOLDS[key];
  if (value === undefined) return 'no limit';
  if (spec.direction === 'flag') return value ? 'required' : 'not required';
  if (spec.direction === 'level') return String(value);
  if (spec.unit === 'TLS version') return `TLS ${Number(value).toFixed(1)}`;
  if (spec.unit === 'prefix length') return `/${value}`;
  return `${value} ${spec.unit}`;
}

/**
 * Why `value` would loosen `bound` for `key`, or undefined when it is as strict or stricter.
 * The sentence names the bound: "requires at least 365 days".
 */
export function looseningOf(key: ThresholdKey, value: unknown, bound: PolicyValues[ThresholdKey]): string | undefined {
  const spec = THRESHOLDS[key];
  switch (spec.direction) {
    case 'min':
      return (value as number) < (bound as number) ? `requires at least ${describeValue(key, bound)}` : undefined;
    case 'max':
      if (bound === undefined) return undefined;
      return value === undefined || (value as number) > (bound as number) ? `requires at most ${describeValue(key, bound)}` : undefined;
    case 'flag':
      return bound === true && value !== true ? 'requires it (true)' : undefined;
    case 'level':
      return REQUIREMENT_LEVELS.indexOf(value as RequirementLevel) < REQUIREMENT_LEVELS.indexOf(bound as RequirementLevel) ? `requires level ${String(bound)} or stricter` : undefined;
  }
}

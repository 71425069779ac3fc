import type { ClauseId } from '../checks/types';
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

/**
 * The profile's requirements no template can prove, for the coverage report's procedural lists:
 * only those a profile adds beyond the clause catalogue (dpp-2025's fix windows, anti-malware
 * tamper protection, the named incident contact).
 */
export function profileProceduralItems(profile: PolicyProfile): ReadonlyArray<{ readonly clause: ClauseId; readonly item: string; readonly coveredBy: string }> {
  const v = profile.values;
  const label = profileLabel(profile);
  const items: Array<{ clause: ClauseId; item: string; coveredBy: string }> = [];
  if (v.antiMalwareTamperProtection) items.push({ clause: '2.1', item: `Controls prevent anti-malware on end-user devices from being disabled (${label})`, coveredBy: 'endpoint management (MDM/EDR tamper protection)' });
  if (v.incidentContactRequired) items.push({ clause: '2.7', item: `A named Incident Management Point of Contact (${label})`, coveredBy: 'incidentContact in the environment config (stack output IncidentContact)' });
  if (v.criticalFixDays !== undefined) items.push({ clause: '3.7', item: `Critical vulnerabilities fixed within ${v.criticalFixDays} days (${label})`, coveredBy: 'Amazon Inspector findings; patch process' });
  if (v.highFixDays !== undefined) items.push({ clause: '3.7', item: `High vulnerabilities fixed within ${v.highFixDays} days (${label})`, coveredBy: 'Amazon Inspector findings; patch process' });
  return items;
}

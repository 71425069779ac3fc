import type { IConstruct } from 'constructs';
import { LOG_RETENTION_VALUES, NEVER_EXPIRE } from '../../lib/policy/aws-limits';
import { parseCidr, type Cidr } from '../../lib/policy/cidr';
import { policyOf } from '../../lib/policy/context';
import type { PolicyProfile } from '../../lib/policy/profile';
import { cloudWatchLogRetentionProblem, portProblem } from '../../lib/policy/validators';

/**
 * Prop validation shared by the DPP constructs. Every check throws one line naming the
 * construct and the prop, so a wrong value fails at construction, before synthesis.
 */

/** Throws `<Construct>: <prop> <problem>`. */
export function invalidProp(construct: string, prop: string, problem: string): never {
  throw new Error(`${construct}: ${prop} ${problem}`);
}

export { LOG_RETENTION_VALUES, NEVER_EXPIRE };

/**
 * The policy profile a construct follows: its `policy` prop, else the profile in its construct
 * context (`dpp:policy`, set by the app or the stack), else `dpp`.
 */
export function policyFor(scope: IConstruct, policy: PolicyProfile | undefined): PolicyProfile {
  return policy ?? policyOf(scope);
}

/** Throws the shared validator's problem, naming the construct and the prop. */
export function requireValid<T>(construct: string, prop: string, value: T, problem: string | undefined): T {
  if (problem) invalidProp(construct, prop, problem);
  return value;
}

/** A log retention in days: at least the profile's minimum, and a value CloudWatch Logs accepts (or never expire). */
export function requireLogRetention(construct: string, prop: string, days: number, policy: PolicyProfile): number {
  return requireValid(construct, prop, days, cloudWatchLogRetentionProblem(days, policy));
}

/** An integer within [min, max]. */
export function requireIntegerInRange(construct: string, prop: string, value: number, min: number, max: number, why = ''): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    invalidProp(construct, prop, `must be an integer from ${min} to ${max}${why ? ` (${why})` : ''}, got ${value}`);
  }
  return value;
}

/** A TCP port. */
export function requirePort(construct: string, prop: string, port: number): number {
  return requireValid(construct, prop, port, portProblem(port));
}

/** A non-empty string without surrounding blanks. */
export function requireText(construct: string, prop: string, value: string): string {
  if (value.trim() === '') invalidProp(construct, prop, 'must not be empty');
  return value.trim();
}

/** An IPv4 CIDR block. */
export function requireIpv4Cidr(construct: string, prop: string, value: string): Cidr {
  const cidr = parseCidr(value);
  if (!cidr || cidr.family !== 4) invalidProp(construct, prop, `must be an IPv4 CIDR block, got ${JSON.stringify(value)}`);
  return cidr;
}

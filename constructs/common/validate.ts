import { parseCidr, type Cidr } from '../../lib/config/cidr';

/**
 * Prop validation shared by the DPP constructs. Every check throws one line naming the
 * construct and the prop, so a wrong value fails at construction, before synthesis.
 */

/** Throws `<Construct>: <prop> <problem>`. */
export function invalidProp(construct: string, prop: string, problem: string): never {
  throw new Error(`${construct}: ${prop} ${problem}`);
}

/** The retention values CloudWatch Logs accepts (`RetentionInDays`). */
export const LOG_RETENTION_VALUES: readonly number[] = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/** CloudWatch Logs' "never expire" (`logs.RetentionDays.INFINITE`): keeps logs longer than any minimum. */
export const NEVER_EXPIRE = 9999;

/** A log retention in days: at least `min`, and a value CloudWatch Logs accepts (or never expire). */
export function requireLogRetention(construct: string, prop: string, days: number, min: number): number {
  if (days === NEVER_EXPIRE) return days;
  if (!Number.isInteger(days) || days < min) invalidProp(construct, prop, `must be at least ${min} days (DPP 3.6 Logging and Monitoring), got ${days}`);
  if (!LOG_RETENTION_VALUES.includes(days)) invalidProp(construct, prop, `must be one of the values CloudWatch Logs accepts (${LOG_RETENTION_VALUES.filter((d) => d >= min).join(', ')}), got ${days}`);
  return days;
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
  return requireIntegerInRange(construct, prop, port, 1, 65535);
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

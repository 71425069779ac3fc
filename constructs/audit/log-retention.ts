import * as logs from 'aws-cdk-lib/aws-logs';
import { provisionedDefaults } from '../../lib/policy/defaults';
import type { PolicyProfile } from '../../lib/policy/profile';
import { LOG_RETENTION_VALUES, requireLogRetention } from '../common/validate';

/**
 * A log retention prop: `INFINITE` (never expire), or at least the profile's days (DPP 3.6
 * Logging and Monitoring). Throws one line naming the construct and the prop.
 */
export function requireLogRetentionDays(construct: string, prop: string, retention: logs.RetentionDays, policy: PolicyProfile): logs.RetentionDays {
  if (retention === logs.RetentionDays.INFINITE) return retention;
  return requireLogRetention(construct, prop, retention, policy) as logs.RetentionDays;
}

/** The baseline's log retention under a profile: its default, raised to the profile's minimum. */
export function defaultLogRetention(policy: PolicyProfile): logs.RetentionDays {
  return retentionOfAtLeast(provisionedDefaults(policy).logRetentionDays);
}

/**
 * The shortest retention CloudWatch Logs accepts that keeps logs at least `days` (a configured
 * number such as 100 becomes 120): configuration speaks in days, CloudWatch Logs in fixed steps.
 */
export function retentionOfAtLeast(days: number): logs.RetentionDays {
  const value = LOG_RETENTION_VALUES.find((d) => d >= days);
  // Longer than CloudWatch Logs' longest step: keep forever.
  return (value ?? logs.RetentionDays.INFINITE) as logs.RetentionDays;
}

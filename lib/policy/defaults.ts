import type { PolicyProfile } from './profile';

/**
 * What the baseline provisions when a prop is not given: choices of the baseline, not limits of
 * the policy, so each is clamped to the profile in force (a default never undercuts a threshold).
 */
export const BASELINE_DEFAULTS = {
  passwordMinLength: 14,
  passwordMaxAgeDays: 90,
  passwordReusePrevention: 24,
  lockoutAttempts: 5,
  lockoutWindowMinutes: 15,
  logRetentionDays: 365,
  auditLockDays: 365,
  auditTransitionDays: 90,
  accessLogExpirationDays: 365,
  accessLogNoncurrentDays: 30,
  secretRotationDays: 30,
} as const;

/** The baseline's defaults under a profile: never weaker than the profile's thresholds. */
export function provisionedDefaults(policy: PolicyProfile) {
  const v = policy.values;
  return {
    passwordMinLength: Math.max(BASELINE_DEFAULTS.passwordMinLength, v.passwordMinLength),
    passwordMaxAgeDays: Math.min(BASELINE_DEFAULTS.passwordMaxAgeDays, v.passwordMaxAgeDays),
    passwordReusePrevention: Math.max(BASELINE_DEFAULTS.passwordReusePrevention, v.passwordReusePrevention),
    lockoutAttempts: Math.min(BASELINE_DEFAULTS.lockoutAttempts, v.lockoutMaxAttempts),
    lockoutWindowMinutes: Math.min(BASELINE_DEFAULTS.lockoutWindowMinutes, v.lockoutMaxWindowMinutes),
    logRetentionDays: Math.max(BASELINE_DEFAULTS.logRetentionDays, v.logRetentionDays),
    piiRetentionDays: v.piiRetentionDays,
    /** Non-PII stores expire only where the profile asks for it. */
    nonPiiExpirationDays: v.nonPiiRetentionLevel === 'off' ? undefined : v.nonPiiRetentionDays,
  };
}

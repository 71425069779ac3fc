import type { PolicyValues } from './thresholds';

/**
 * The built-in profiles. `dpp` is the policy as written (`policy.txt`); where the text names no
 * number, the value is the baseline's documented choice (see README "Policy profiles"). `dpp-2025`
 * follows the November 2025 revision of the SP-API Data Protection Policy this policy mirrors
 * (CONTROLS.md "Policy profiles"): it only ever tightens `dpp`.
 */

/** The built-in profile names. */
export type BuiltInProfileName = 'dpp' | 'dpp-2025';

export const DPP_VALUES: PolicyValues = {
  widestApprovedPrefixV4: 8,
  antiMalwareTamperProtection: false,
  // DPP 2.2 names no number of attempts; the lockout construct has always capped it at 10.
  lockoutMaxAttempts: 10,
  lockoutMaxWindowMinutes: 1440,
  accessReviewDays: 90,
  inactiveDays: 90,
  leaverRemovalHours: 24,
  passwordMinLength: 12,
  passwordAllCharacterClasses: true,
  passwordMinAgeDays: 1,
  passwordMaxAgeDays: 365,
  // DPP 2.4's expiry means nothing if the old password can be set again: at least one remembered.
  passwordReusePrevention: 1,
  passwordReuseLevel: 'error',
  accessKeyMaxAgeDays: 90,
  accessKeyRotationLevel: 'error',
  tlsMinimumVersion: 1.2,
  riskReviewMonths: 12,
  incidentNotificationHours: 24,
  incidentPlanReviewMonths: 6,
  incidentContactRequired: false,
  deletionRequestDays: 30,
  liveCopiesDeletionDays: 90,
  // 18 months never span fewer than 546 days; S3 rounds expiry up to the next midnight UTC.
  nonPiiRetentionDays: 545,
  nonPiiRetentionLevel: 'off',
  piiRetentionDays: 30,
  inventoryReviewMonths: 3,
  symmetricKeyMinBits: 128,
  rsaKeyMinBits: 2048,
  logRetentionDays: 90,
  logReviewDays: 14,
  vulnerabilityScanDays: 180,
  penetrationTestDays: 365,
  criticalFixDays: undefined,
  highFixDays: undefined,
  databaseBackupRetentionDays: 7,
  backupSecondRegionLevel: 'off',
};

export const DPP_2025_VALUES: PolicyValues = {
  ...DPP_VALUES,
  antiMalwareTamperProtection: true,
  lockoutMaxAttempts: 10,
  passwordReusePrevention: 10,
  logRetentionDays: 365,
  incidentContactRequired: true,
  nonPiiRetentionLevel: 'error',
  criticalFixDays: 7,
  highFixDays: 30,
  backupSecondRegionLevel: 'error',
};

export const BUILT_IN_VALUES: Readonly<Record<BuiltInProfileName, PolicyValues>> = {
  dpp: DPP_VALUES,
  'dpp-2025': DPP_2025_VALUES,
};

export const BUILT_IN_PROFILE_NAMES = Object.keys(BUILT_IN_VALUES) as BuiltInProfileName[];

import type { ClauseId } from '../checks/types';

/**
 * Every threshold and requirement level of the DPP, as typed data, each with the clause it comes
 * from. A profile (profiles.ts) gives each key a value; the spec here says which way is stricter,
 * so a team's own profile can be checked to only tighten its base.
 */

/** How strictly a requirement is enforced: `off` (not asserted), `warning`, `error`. */
export type RequirementLevel = 'off' | 'warning' | 'error';
export const REQUIREMENT_LEVELS: readonly RequirementLevel[] = ['off', 'warning', 'error'];

/** The values of one profile. `undefined` in a `max` threshold: the policy names no limit. */
export interface PolicyValues {
  // 2.1 Network Protection
  readonly widestApprovedPrefixV4: number;
  readonly antiMalwareTamperProtection: boolean;
  // 2.2 Access Management
  readonly lockoutMaxAttempts: number;
  readonly lockoutMaxWindowMinutes: number;
  readonly accessReviewDays: number;
  readonly inactiveDays: number;
  readonly leaverRemovalHours: number;
  // 2.4 Credential Management
  readonly passwordMinLength: number;
  readonly passwordAllCharacterClasses: boolean;
  readonly passwordMinAgeDays: number;
  readonly passwordMaxAgeDays: number;
  readonly passwordReusePrevention: number;
  readonly passwordReuseLevel: RequirementLevel;
  readonly accessKeyMaxAgeDays: number;
  readonly accessKeyRotationLevel: RequirementLevel;
  // 2.5 Encryption in Transit
  readonly tlsMinimumVersion: number;
  // 2.6 Risk Management
  readonly riskReviewMonths: number;
  // 2.7 Incident Response
  readonly incidentNotificationHours: number;
  readonly incidentPlanReviewMonths: number;
  readonly incidentContactRequired: boolean;
  // 2.8 Request for Deletion or Return
  readonly deletionRequestDays: number;
  readonly liveCopiesDeletionDays: number;
  readonly nonPiiRetentionDays: number;
  readonly nonPiiRetentionLevel: RequirementLevel;
  // 3.1 Data Retention
  readonly piiRetentionDays: number;
  // 3.3 Asset Management
  readonly inventoryReviewMonths: number;
  // 3.4 Encryption at Rest
  readonly symmetricKeyMinBits: number;
  readonly rsaKeyMinBits: number;
  // 3.6 Logging and Monitoring
  readonly logRetentionDays: number;
  readonly logReviewDays: number;
  // 3.7 Vulnerability Management
  readonly vulnerabilityScanDays: number;
  readonly penetrationTestDays: number;
  readonly criticalFixDays: number | undefined;
  readonly highFixDays: number | undefined;
  readonly databaseBackupRetentionDays: number;
  readonly backupSecondRegionLevel: RequirementLevel;
}

export type ThresholdKey = keyof PolicyValues;

/**
 * Which way a value is stricter: `min` (higher is stricter), `max` (lower is stricter; unset is
 * the loosest), `flag` (true is stricter), `level` (off < warning < error).
 */
export type Direction = 'min' | 'max' | 'flag' | 'level';

/** What a threshold is, for the README table, error lines and profile-file validation. */
export interface ThresholdSpec {
  readonly clause: ClauseId;
  readonly direction: Direction;
  /** Unit for texts: "days", "characters". Empty for flags and levels. */
  readonly unit: string;
  /** One line: what the value bounds. */
  readonly about: string;
  /** Inclusive range a value must be in, whatever the profile (physical or AWS limits). */
  readonly range?: readonly [number, number];
}

const days = (clause: ClauseId, direction: 'min' | 'max', about: string, range: readonly [number, number] = [1, 36_500]): ThresholdSpec => ({ clause, direction, unit: 'days', about, range });

export const THRESHOLDS: { readonly [K in ThresholdKey]: ThresholdSpec } = {
  widestApprovedPrefixV4: { clause: '2.1', direction: 'min', unit: 'prefix length', about: 'widest approved IPv4 CIDR (deny unauthorised IPs)', range: [1, 32] },
  antiMalwareTamperProtection: { clause: '2.1', direction: 'flag', unit: '', about: 'controls prevent anti-malware from being disabled (procedural: end-user devices)' },
  lockoutMaxAttempts: { clause: '2.2', direction: 'max', unit: 'attempts', about: 'failed log-ins after which an account is locked', range: [1, 100] },
  lockoutMaxWindowMinutes: { clause: '2.2', direction: 'max', unit: 'minutes', about: 'longest window failed log-ins are counted in', range: [1, 1440] },
  accessReviewDays: days('2.2', 'max', 'access list reviewed at least this often (quarterly)'),
  inactiveDays: days('2.2', 'max', 'unused console access or access keys are stale after'),
  leaverRemovalHours: { clause: '2.2', direction: 'max', unit: 'hours', about: 'access of terminated employees removed within', range: [1, 8760] },
  passwordMinLength: { clause: '2.4', direction: 'min', unit: 'characters', about: 'minimum password length', range: [1, 128] },
  passwordAllCharacterClasses: { clause: '2.4', direction: 'flag', unit: '', about: 'upper, lower, number and symbol all required' },
  passwordMinAgeDays: days('2.4', 'min', 'minimum password age (IAM cannot enforce it: identity provider)', [0, 36_500]),
  passwordMaxAgeDays: days('2.4', 'max', 'passwords expire within'),
  passwordReusePrevention: { clause: '2.4', direction: 'min', unit: 'passwords', about: 'previous passwords that cannot be reused', range: [1, 24] },
  passwordReuseLevel: { clause: '2.4', direction: 'level', unit: '', about: 'level of a missing or short password history' },
  accessKeyMaxAgeDays: days('2.4', 'max', 'active access keys rotated within'),
  accessKeyRotationLevel: { clause: '2.4', direction: 'level', unit: '', about: 'level of an access key older than the rotation limit (audit)' },
  tlsMinimumVersion: { clause: '2.5', direction: 'min', unit: 'TLS version', about: 'oldest TLS version an endpoint may accept', range: [1.2, 1.3] },
  riskReviewMonths: { clause: '2.6', direction: 'max', unit: 'months', about: 'risk assessment reviewed by senior management at least every', range: [1, 120] },
  incidentNotificationHours: { clause: '2.7', direction: 'max', unit: 'hours', about: 'EcartAPI notified of a Security Incident within', range: [1, 8760] },
  incidentPlanReviewMonths: { clause: '2.7', direction: 'max', unit: 'months', about: 'incident response plan reviewed at least every', range: [1, 120] },
  incidentContactRequired: { clause: '2.7', direction: 'flag', unit: '', about: 'a named incident point of contact in each environment\'s config' },
  deletionRequestDays: days('2.8', 'max', 'Information deleted after EcartAPI\'s request within'),
  liveCopiesDeletionDays: days('2.8', 'max', 'live instances (e.g. non-current S3 versions) deleted within'),
  nonPiiRetentionDays: days('2.8', 'max', 'non-PII Information deleted within (unless a law requires longer)'),
  nonPiiRetentionLevel: { clause: '2.8', direction: 'level', unit: '', about: 'level of a non-PII data store without that expiry' },
  piiRetentionDays: days('3.1', 'max', 'PII kept after order delivery at most (unless a law requires longer)'),
  inventoryReviewMonths: { clause: '3.3', direction: 'max', unit: 'months', about: 'asset inventory updated at least every', range: [1, 120] },
  symmetricKeyMinBits: { clause: '3.4', direction: 'min', unit: 'bits', about: 'weakest symmetric key (AES)', range: [128, 256] },
  rsaKeyMinBits: { clause: '3.4', direction: 'min', unit: 'bits', about: 'weakest RSA key', range: [1024, 4096] },
  logRetentionDays: days('3.6', 'min', 'logs kept at least'),
  logReviewDays: days('3.6', 'max', 'logs reviewed at least every (unless in real time)'),
  vulnerabilityScanDays: days('3.7', 'max', 'vulnerability scan at least every'),
  penetrationTestDays: days('3.7', 'max', 'penetration test at least every'),
  criticalFixDays: days('3.7', 'max', 'critical vulnerabilities fixed within'),
  highFixDays: days('3.7', 'max', 'high vulnerabilities fixed within'),
  databaseBackupRetentionDays: days('3.7', 'min', 'RDS automated backups kept at least', [1, 35]),
  backupSecondRegionLevel: { clause: '3.7', direction: 'level', unit: '', about: 'level of a data store whose backup has no copy in a second region' },
};

export const THRESHOLD_KEYS = Object.keys(THRESHOLDS) as ThresholdKey[];

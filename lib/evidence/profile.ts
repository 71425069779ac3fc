import { MAX_PII_RETENTION_DAYS, MIN_LOG_RETENTION_DAYS } from '../config/schema';

/**
 * The policy numbers the evidence pack quotes in its documents: the requirement of the policy
 * profile in force, not what one environment happens to configure (the app's own values are read
 * from its templates, see `app-facts.ts`). Today there is one profile, `dpp`, the policy as
 * written; the `--profile` option (policy profiles) supplies another through `EvidenceOptions.profile`.
 */
export interface EvidenceProfile {
  /** The profile's name, printed on every page. */
  readonly name: string;
  /** DPP 3.1 Data Retention: PII kept at most this many days after delivery. */
  readonly piiRetentionDays: number;
  /** DPP 3.6 Logging and Monitoring: logs kept at least this many days. */
  readonly logRetentionDays: number;
  /** DPP 2.2 Access Management: the lockout the baseline applies by default. */
  readonly lockoutMaxFailures: number;
  readonly lockoutWindowMinutes: number;
  /** DPP 2.2: access reviewed at least every this many months. */
  readonly accessReviewMonths: number;
  /** DPP 2.6 Risk Management: the risk assessment reviewed by senior management at least every this many months. */
  readonly riskReviewMonths: number;
  /** DPP 2.7 Incident Response: EcartAPI notified within this many hours of detection. */
  readonly incidentNotificationHours: number;
  /** DPP 2.7: the plan reviewed at least every this many months (and after any major change). */
  readonly incidentPlanReviewMonths: number;
  /** DPP 2.8 Request for Deletion or Return: deleted within this many days of the request. */
  readonly deletionDays: number;
  /** DPP 2.8: every live instance deleted this many days after the notice. */
  readonly liveDeletionDays: number;
  /** DPP 3.7 Vulnerability Management: a vulnerability scan at least every this many days. */
  readonly vulnerabilityScanDays: number;
  /** DPP 3.7: a penetration test at least every this many days. */
  readonly penetrationTestDays: number;
}

/**
 * `dpp`: the policy as written. Retention numbers come from the config schema; the lockout from the
 * `AccountLockout` defaults (5 failures in 15 minutes); the rest are the policy's own periods.
 */
export const DPP_PROFILE: EvidenceProfile = {
  name: 'dpp',
  piiRetentionDays: MAX_PII_RETENTION_DAYS,
  logRetentionDays: MIN_LOG_RETENTION_DAYS,
  lockoutMaxFailures: 5,
  lockoutWindowMinutes: 15,
  accessReviewMonths: 3,
  riskReviewMonths: 12,
  incidentNotificationHours: 24,
  incidentPlanReviewMonths: 6,
  deletionDays: 30,
  liveDeletionDays: 90,
  vulnerabilityScanDays: 180,
  penetrationTestDays: 365,
};

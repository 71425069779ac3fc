import { DPP, type PolicyProfile } from '../policy/profile';

/**
 * The policy numbers the evidence pack quotes in its documents: the requirement of the policy
 * profile in force, not what one environment happens to configure (the app's own values are read
 * from its templates, see `app-facts.ts`), taken from the policy profile `--profile` selects.
 */
export interface EvidenceProfile {
  /** The profile's name, printed on every page. */
  readonly name: string;
  /** DPP 3.1 Data Retention: PII kept at most this many days after delivery. */
  readonly piiRetentionDays: number;
  /** DPP 3.6 Logging and Monitoring: logs kept at least this many days. */
  readonly logRetentionDays: number;
  /** DPP 2.2 Access Management: an account is locked after at most this many failed log-ins… */
  readonly lockoutMaxFailures: number;
  /** …counted over at most this many minutes. */
  readonly lockoutWindowMinutes: number;
  /** DPP 2.2: access reviewed at least every this many days (quarterly). */
  readonly accessReviewDays: number;
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

/** The numbers of a policy profile (lib/policy) that the evidence pack quotes. */
export function evidenceProfile(policy: PolicyProfile): EvidenceProfile {
  const v = policy.values;
  return {
    name: policy.name,
    piiRetentionDays: v.piiRetentionDays,
    logRetentionDays: v.logRetentionDays,
    lockoutMaxFailures: v.lockoutMaxAttempts,
    lockoutWindowMinutes: v.lockoutMaxWindowMinutes,
    accessReviewDays: v.accessReviewDays,
    riskReviewMonths: v.riskReviewMonths,
    incidentNotificationHours: v.incidentNotificationHours,
    incidentPlanReviewMonths: v.incidentPlanReviewMonths,
    deletionDays: v.deletionRequestDays,
    liveDeletionDays: v.liveCopiesDeletionDays,
    vulnerabilityScanDays: v.vulnerabilityScanDays,
    penetrationTestDays: v.penetrationTestDays,
  };
}

/** `dpp`: the policy as written. */
export const DPP_PROFILE: EvidenceProfile = evidenceProfile(DPP);

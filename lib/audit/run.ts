import type { IAMClient } from '@aws-sdk/client-iam';
import { buildAccessReview } from './access-review';
import { ALL_AUDIT_CHECKS, PROCEDURAL_ITEMS, SourceMissing, type AuditCheck } from './checks';
import { accountIdOf, collectIamSnapshot, type CollectOptions, type IamSnapshot } from './collect';
import { errorMessage } from './errors';
import { DPP, type PolicyProfile } from '../policy/profile';
import type { AuditFinding, AuditReport, AuditSettings, NotChecked } from './types';

/** The `dpp` profile's thresholds: 90 days of inactivity (quarterly review), 90-day key rotation. */
export const DEFAULT_INACTIVE_DAYS = DPP.values.inactiveDays;
export const DEFAULT_KEY_MAX_AGE_DAYS = DPP.values.accessKeyMaxAgeDays;

/** Options of one audit run. */
export interface AuditOptions extends Partial<CollectOptions> {
  /**
   * Days after which unused console access or access keys are stale.
   * @default - the profile's inactiveDays (90)
   */
  readonly inactiveDays?: number;
  /**
   * Days after which an active access key must have been rotated.
   * @default - the profile's accessKeyMaxAgeDays (90)
   */
  readonly keyMaxAgeDays?: number;
  /**
   * The policy profile: the password and key numbers, the same as the template rules'.
   * @default the `dpp` profile
   */
  readonly policy?: PolicyProfile;
  /**
   * The audit's clock.
   * @default the current time
   */
  readonly now?: Date;
  /**
   * The checks to run.
   * @default ALL_AUDIT_CHECKS
   */
  readonly checks?: readonly AuditCheck[];
}

/** Runs the checks over a snapshot: findings, and the checks that could not run (missing data, a failure, procedural items). */
export function evaluate(snapshot: IamSnapshot, settings: AuditSettings, checks: readonly AuditCheck[] = ALL_AUDIT_CHECKS): { findings: AuditFinding[]; notChecked: NotChecked[] } {
  const findings: AuditFinding[] = [];
  const notChecked: NotChecked[] = [];
  for (const check of checks) {
    try {
      for (const result of check.run({ snapshot, settings })) findings.push({ checkId: check.id, clause: check.clause, ...result });
    } catch (error) {
      // A check that breaks on unexpected data is reported, never a silent pass and never a crash of the whole audit.
      notChecked.push({ check: check.id, reason: error instanceof SourceMissing ? error.message : `the check failed: ${errorMessage(error)}` });
    }
  }
  return { findings, notChecked: [...notChecked, ...PROCEDURAL_ITEMS] };
}

/** Builds the full report from a snapshot (pure: no AWS call). */
export function buildReport(snapshot: IamSnapshot, settings: AuditSettings, checks?: readonly AuditCheck[]): AuditReport {
  const account = accountIdOf(snapshot);
  const { findings, notChecked } = evaluate(snapshot, settings, checks);
  const accessReview = buildAccessReview(snapshot, account, settings.now);
  if (accessReview.gaps.length > 0) notChecked.push({ check: 'DPP-AUDIT-2.2-AccessReview', reason: `incomplete: ${accessReview.gaps.join('; ')}` });
  return { version: 1, account, generatedAt: settings.now.toISOString(), findings, notChecked, accessReview };
}

/**
 * Audits the account behind `client` against DPP 2.2 Access Management, 2.3 Least Privilege Access and 2.4
 * Credential Management. Rejects with `AuditAbort` when IAM cannot be reached or no credentials work.
 */
export async function runAudit(client: IAMClient, options: AuditOptions = {}): Promise<AuditReport> {
  const policy = options.policy ?? DPP;
  const settings: AuditSettings = {
    inactiveDays: options.inactiveDays ?? policy.values.inactiveDays,
    keyMaxAgeDays: options.keyMaxAgeDays ?? policy.values.accessKeyMaxAgeDays,
    now: options.now ?? new Date(),
    policy,
  };
  const snapshot = await collectIamSnapshot(client, { endpointUrl: options.endpointUrl, reportPollAttempts: options.reportPollAttempts, reportPollDelayMs: options.reportPollDelayMs });
  return buildReport(snapshot, settings, options.checks);
}

/** 1 when an error-level finding exists, else 0. */
export function exitCodeOf(report: AuditReport): 0 | 1 {
  return report.findings.some((f) => f.level === 'error') ? 1 : 0;
}

import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { PiiBucketExpiration } from '../../lib/checks/rules/3.1-data-retention/pii-bucket-expiration';
import type { PolicyProfile } from '../../lib/policy/profile';
import { piiRetentionProblem } from '../../lib/policy/validators';
import { invalidProp } from '../common/validate';

/**
 * PII retention (DPP 3.1 Data Retention): at most the profile's days, longer only where a law
 * requires it. A longer retention needs a `legalBasis`, which becomes the reason of the
 * acknowledgment of the 3.1 retention rule on the store, so the exception is explicit in the
 * validation report. The environment config validates with the same validator.
 */

/** The acknowledgment ID of the 3.1 rule a longer bucket retention acknowledges. */
export const PII_BUCKET_RETENTION_RULE_ID = `DPP::${PiiBucketExpiration.id}`;

/** Validates a retention against the legal basis; returns the trimmed legal basis if one is needed. */
export function requirePiiRetention(construct: string, retentionDays: number, legalBasis: string | undefined, policy: PolicyProfile): string | undefined {
  const problem = piiRetentionProblem(retentionDays, legalBasis, policy);
  if (problem) invalidProp(construct, problem.key, problem.problem);
  return retentionDays > policy.values.piiRetentionDays ? legalBasis?.trim() : undefined;
}

/** Records, on the store, that its retention exceeds the profile's limit and why. */
export function acknowledgeLongRetention(store: IConstruct, ruleId: string, retentionDays: number, legalBasis: string, policy: PolicyProfile): void {
  const max = policy.values.piiRetentionDays;
  Validations.of(store).acknowledge({
    id: ruleId,
    reason: `PII kept ${retentionDays} days (over ${max}) because the law requires it: ${legalBasis}. DPP 3.1 allows longer retention only for legal requirements; the lifecycle rule still deletes it after ${retentionDays} days.`,
  });
}

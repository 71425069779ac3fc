import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { PiiBucketExpiration } from '../../lib/checks/rules/3.1-data-retention/pii-bucket-expiration';
import { MAX_PII_RETENTION_DAYS } from '../../lib/config/schema';
import { invalidProp } from '../common/validate';

/**
 * PII retention (DPP 3.1 Data Retention): at most 30 days, longer only where a law requires it.
 * A longer retention needs a `legalBasis`, which becomes the reason of the acknowledgment of the
 * 3.1 retention rule on the store, so the exception is explicit in the validation report.
 */

/** The acknowledgment ID of the 3.1 rule a longer bucket retention acknowledges. */
export const PII_BUCKET_RETENTION_RULE_ID = `DPP::${PiiBucketExpiration.id}`;

/** Validates a retention against the legal basis; returns the trimmed legal basis if one is needed. */
export function requirePiiRetention(construct: string, retentionDays: number, legalBasis: string | undefined): string | undefined {
  if (!Number.isInteger(retentionDays) || retentionDays < 1) invalidProp(construct, 'retentionDays', `must be a whole number of days, at least 1, got ${retentionDays}`);
  const basis = legalBasis?.trim();
  if (legalBasis !== undefined && !basis) invalidProp(construct, 'legalBasis', 'must name the law that requires the retention, not be blank');
  if (retentionDays > MAX_PII_RETENTION_DAYS && !basis) {
    invalidProp(construct, 'retentionDays', `${retentionDays} is above ${MAX_PII_RETENTION_DAYS} days; set legalBasis to the law that requires it (DPP 3.1 Data Retention)`);
  }
  return retentionDays > MAX_PII_RETENTION_DAYS ? basis : undefined;
}

/** Records, on the store, that its retention exceeds 30 days and why. */
export function acknowledgeLongRetention(store: IConstruct, ruleId: string, retentionDays: number, legalBasis: string): void {
  Validations.of(store).acknowledge({
    id: ruleId,
    reason: `PII kept ${retentionDays} days (over ${MAX_PII_RETENTION_DAYS}) because the law requires it: ${legalBasis}. DPP 3.1 allows longer retention only for legal requirements; the lifecycle rule still deletes it after ${retentionDays} days.`,
  });
}

import * as logs from 'aws-cdk-lib/aws-logs';
import { AWS_LIMITS, LOG_RETENTION_VALUES, NEVER_EXPIRE } from '../../lib/policy/aws-limits';
import { DPP, DPP_2025 } from '../../lib/policy/profile';
import { THRESHOLDS } from '../../lib/policy/thresholds';

/** The AWS limits the constructs and validators rely on, each with its source. */
describe('AWS limits kept as data', () => {
  test('every limit names its source', () => {
    for (const limit of Object.values(AWS_LIMITS)) expect(limit.source).toMatch(/^(https:\/\/docs\.aws\.amazon\.com\/|RFC )/);
  });

  test('CloudWatch Logs retention values are those of CDK\'s RetentionDays (PutRetentionPolicy), never-expire apart', () => {
    const cdkValues = Object.values(logs.RetentionDays).filter((v): v is number => typeof v === 'number' && v !== NEVER_EXPIRE);
    expect([...LOG_RETENTION_VALUES].sort((a, b) => a - b)).toEqual([...new Set(cdkValues)].sort((a, b) => a - b));
  });

  test('each profile\'s log retention and non-PII retention are values CloudWatch Logs and S3 can hold', () => {
    for (const profile of [DPP, DPP_2025]) {
      expect(LOG_RETENTION_VALUES).toContain(profile.values.logRetentionDays);
      expect(profile.values.nonPiiRetentionDays).toBeGreaterThanOrEqual(profile.values.logRetentionDays);
    }
  });

  test('IAM password-policy ranges bound the profile thresholds (UpdateAccountPasswordPolicy)', () => {
    expect(THRESHOLDS.passwordReusePrevention.range).toEqual([1, AWS_LIMITS.iamPasswordReuseMax.value]);
    expect(THRESHOLDS.passwordMinLength.range?.[1]).toBe(AWS_LIMITS.iamPasswordMaxLength.value);
  });
});

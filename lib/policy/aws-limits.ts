/**
 * Limits AWS itself puts on values the baseline sets: not policy thresholds, kept as data with
 * their source so a construct never accepts a value AWS would reject at deploy.
 */
export interface AwsLimit {
  readonly value: number | readonly number[];
  readonly source: string;
}

export const AWS_LIMITS = {
  /** IAM UpdateAccountPasswordPolicy MinimumPasswordLength: 6 to 128. */
  iamPasswordMaxLength: { value: 128, source: 'https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateAccountPasswordPolicy.html' },
  /** IAM UpdateAccountPasswordPolicy PasswordReusePrevention: 1 to 24. */
  iamPasswordReuseMax: { value: 24, source: 'https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateAccountPasswordPolicy.html' },
  /** CloudWatch Logs PutRetentionPolicy retentionInDays: only these values. */
  logRetentionValues: {
    value: [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653],
    source: 'https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html',
  },
  /**
   * Network ACL rules per direction (default quota 20); the public tier keeps 3 for NAT return
   * traffic, so 17 approved CIDRs at most.
   */
  approvedCidrsMax: { value: 17, source: 'https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html#vpc-limits-nacls' },
  /** TCP/UDP ports. */
  portRange: { value: [1, 65535], source: 'RFC 6335 (port numbers 0 to 65535; 0 is reserved)' },
} as const satisfies Record<string, AwsLimit>;

export const LOG_RETENTION_VALUES: readonly number[] = AWS_LIMITS.logRetentionValues.value;
/** CloudWatch Logs' "never expire" (`logs.RetentionDays.INFINITE`): keeps logs longer than any minimum. */
export const NEVER_EXPIRE = 9999;

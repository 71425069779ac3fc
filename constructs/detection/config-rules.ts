import * as config from 'aws-cdk-lib/aws-config';

/**
 * How AWS Config triggers a managed rule. AWS Config rejects `MaximumExecutionFrequency` on a rule
 * that only runs on configuration changes ("InvalidParameterValueException: A maximum execution
 * frequency for this rule is not allowed because only a change in resources triggers this managed
 * rule"), so a frequency is set only on periodic rules.
 * Source: https://docs.aws.amazon.com/config/latest/developerguide/managed-rules-by-trigger-type.html
 */
export type ConfigRuleTrigger = 'configuration-changes' | 'periodic';

/** A managed rule of the baseline, with its documented trigger type. */
export interface ManagedConfigRule {
  /** The construct ID of the rule. */
  readonly id: string;
  /** The managed rule's identifier (`SourceIdentifier`). */
  readonly identifier: string;
  /** What it asserts, with the DPP clause. */
  readonly description: string;
  /** The trigger type on the rule's documentation page ("Trigger type:"). */
  readonly trigger: ConfigRuleTrigger;
  /** The rule's documentation page, where its trigger type is stated. */
  readonly source: string;
  readonly inputParameters?: Record<string, string>;
}

const doc = (page: string): string => `https://docs.aws.amazon.com/config/latest/developerguide/${page}.html`;

/**
 * The AWS Config managed rules that mirror DPP clauses, each with the trigger type its AWS Config
 * documentation page states (checked 2026-12-06).
 */
export const MANAGED_CONFIG_RULES: readonly ManagedConfigRule[] = [
  {
    id: 'PasswordPolicyRule', identifier: config.ManagedRuleIdentifiers.IAM_PASSWORD_POLICY, trigger: 'periodic', source: doc('iam-password-policy'),
    description: 'DPP 2.4: account password policy meets the DPP floor',
    inputParameters: {
      RequireUppercaseCharacters: 'true', RequireLowercaseCharacters: 'true', RequireSymbols: 'true', RequireNumbers: 'true',
      MinimumPasswordLength: '12', MaxPasswordAge: '365',
    },
  },
  {
    id: 'ConsoleMfaRule', identifier: config.ManagedRuleIdentifiers.MFA_ENABLED_FOR_IAM_CONSOLE_ACCESS, trigger: 'periodic', source: doc('mfa-enabled-for-iam-console-access'),
    description: 'DPP 2.4: IAM users with a console password have MFA',
  },
  {
    id: 'RootMfaRule', identifier: config.ManagedRuleIdentifiers.ROOT_ACCOUNT_MFA_ENABLED, trigger: 'periodic', source: doc('root-account-mfa-enabled'),
    description: 'DPP 2.4: the root user has MFA',
  },
  {
    id: 'UnusedCredentialsRule', identifier: config.ManagedRuleIdentifiers.IAM_USER_UNUSED_CREDENTIALS_CHECK, trigger: 'periodic', source: doc('iam-user-unused-credentials-check'),
    description: 'DPP 2.2: no credentials unused for 90 days', inputParameters: { maxCredentialUsageAge: '90' },
  },
  {
    id: 'NoAdminPoliciesRule', identifier: config.ManagedRuleIdentifiers.IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS, trigger: 'configuration-changes', source: doc('iam-policy-no-statements-with-admin-access'),
    description: 'DPP 2.3: no customer policy allows *:*',
  },
  {
    id: 'BucketPublicAccessRule', identifier: config.ManagedRuleIdentifiers.S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED, trigger: 'configuration-changes', source: doc('s3-bucket-level-public-access-prohibited'),
    description: 'DPP 2.1: buckets block public access',
  },
  {
    id: 'BucketTlsRule', identifier: config.ManagedRuleIdentifiers.S3_BUCKET_SSL_REQUESTS_ONLY, trigger: 'configuration-changes', source: doc('s3-bucket-ssl-requests-only'),
    description: 'DPP 2.5: buckets refuse requests without TLS',
  },
  {
    id: 'RdsEncryptedRule', identifier: config.ManagedRuleIdentifiers.RDS_STORAGE_ENCRYPTED, trigger: 'configuration-changes', source: doc('rds-storage-encrypted'),
    description: 'DPP 3.4: RDS storage is encrypted',
  },
  {
    id: 'EbsDefaultEncryptionRule', identifier: config.ManagedRuleIdentifiers.EC2_EBS_ENCRYPTION_BY_DEFAULT, trigger: 'periodic', source: doc('ec2-ebs-encryption-by-default'),
    description: 'DPP 3.4: EBS encryption by default is on',
  },
  {
    id: 'MultiRegionTrailRule', identifier: config.ManagedRuleIdentifiers.CLOUDTRAIL_MULTI_REGION_ENABLED, trigger: 'periodic', source: doc('multi-region-cloudtrail-enabled'),
    description: 'DPP 3.6: a multi-region trail is logging',
  },
  {
    id: 'TrailValidationRule', identifier: config.ManagedRuleIdentifiers.CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED, trigger: 'periodic', source: doc('cloud-trail-log-file-validation-enabled'),
    description: 'DPP 3.6: trails validate their log files',
  },
  {
    id: 'FlowLogsRule', identifier: config.ManagedRuleIdentifiers.VPC_FLOW_LOGS_ENABLED, trigger: 'periodic', source: doc('vpc-flow-logs-enabled'),
    description: 'DPP 3.6: VPCs have flow logs',
  },
];

import * as config from 'aws-cdk-lib/aws-config';
import { DPP } from '../../lib/policy/profile';
import type { PolicyValues } from '../../lib/policy/thresholds';

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

/** One rule: its page name is the documentation page stating the trigger type. */
const rule = (id: string, identifier: string, trigger: ConfigRuleTrigger, page: string, description: string, inputParameters?: Record<string, string>): ManagedConfigRule =>
  ({ id, identifier, trigger, source: `https://docs.aws.amazon.com/config/latest/developerguide/${page}.html`, description, inputParameters });

const ids = config.ManagedRuleIdentifiers;

/**
 * The AWS Config managed rules that mirror DPP clauses under a profile's numbers, each with the
 * trigger type its AWS Config documentation page states (checked 2026-12-06).
 */
export const managedConfigRules = (values: PolicyValues): readonly ManagedConfigRule[] => [
  rule('PasswordPolicyRule', ids.IAM_PASSWORD_POLICY, 'periodic', 'iam-password-policy', 'DPP 2.4: account password policy meets the DPP floor', {
    RequireUppercaseCharacters: 'true', RequireLowercaseCharacters: 'true', RequireSymbols: 'true', RequireNumbers: 'true', MinimumPasswordLength: String(values.passwordMinLength), MaxPasswordAge: String(values.passwordMaxAgeDays),
  }),
  rule('ConsoleMfaRule', ids.MFA_ENABLED_FOR_IAM_CONSOLE_ACCESS, 'periodic', 'mfa-enabled-for-iam-console-access', 'DPP 2.4: IAM users with a console password have MFA'),
  rule('RootMfaRule', ids.ROOT_ACCOUNT_MFA_ENABLED, 'periodic', 'root-account-mfa-enabled', 'DPP 2.4: the root user has MFA'),
  rule('UnusedCredentialsRule', ids.IAM_USER_UNUSED_CREDENTIALS_CHECK, 'periodic', 'iam-user-unused-credentials-check', `DPP 2.2: no credentials unused for ${values.inactiveDays} days`, { maxCredentialUsageAge: String(values.inactiveDays) }),
  rule('NoAdminPoliciesRule', ids.IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS, 'configuration-changes', 'iam-policy-no-statements-with-admin-access', 'DPP 2.3: no customer policy allows *:*'),
  rule('BucketPublicAccessRule', ids.S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED, 'configuration-changes', 's3-bucket-level-public-access-prohibited', 'DPP 2.1: buckets block public access'),
  rule('BucketTlsRule', ids.S3_BUCKET_SSL_REQUESTS_ONLY, 'configuration-changes', 's3-bucket-ssl-requests-only', 'DPP 2.5: buckets refuse requests without TLS'),
  rule('RdsEncryptedRule', ids.RDS_STORAGE_ENCRYPTED, 'configuration-changes', 'rds-storage-encrypted', 'DPP 3.4: RDS storage is encrypted'),
  rule('EbsDefaultEncryptionRule', ids.EC2_EBS_ENCRYPTION_BY_DEFAULT, 'periodic', 'ec2-ebs-encryption-by-default', 'DPP 3.4: EBS encryption by default is on'),
  rule('MultiRegionTrailRule', ids.CLOUDTRAIL_MULTI_REGION_ENABLED, 'periodic', 'multi-region-cloudtrail-enabled', 'DPP 3.6: a multi-region trail is logging'),
  rule('TrailValidationRule', ids.CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED, 'periodic', 'cloud-trail-log-file-validation-enabled', 'DPP 3.6: trails validate their log files'),
  rule('FlowLogsRule', ids.VPC_FLOW_LOGS_ENABLED, 'periodic', 'vpc-flow-logs-enabled', 'DPP 3.6: VPCs have flow logs'),
];

/** The rules under the policy as written (`dpp`). */
export const MANAGED_CONFIG_RULES: readonly ManagedConfigRule[] = managedConfigRules(DPP.values);

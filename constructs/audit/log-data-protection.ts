import { RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { retainExceptOnCreate } from '../common/removal';
import { policyOf } from '../../lib/policy/context';
import { PII_LOG_IDENTIFIERS } from '../../lib/checks/lookups/log-data-protection';
import { TAG_CLASSIFICATION, TAG_DATA_ORIGIN } from '../../lib/checks/vocabulary';
import { invalidProp } from '../common/validate';
import { requireLogRetentionDays } from './log-retention';

/**
 * The countries whose phone-number formats the policy detects by default: CloudWatch Logs has no
 * country-independent `PhoneNumber` identifier, only `PhoneNumber-<ISO 3166-1 alpha-2>` for these
 * (CloudWatch Logs User Guide, "CloudWatch Logs managed data identifiers for sensitive data types").
 */
export const PHONE_NUMBER_COUNTRIES: readonly string[] = ['BR', 'DE', 'ES', 'FR', 'GB', 'IT', 'US'];

/** Props of {@link LogDataProtection}. */
export interface LogDataProtectionProps {
  /**
   * The key of the findings log group (DPP 3.4: findings quote where PII was found).
   * @default - CloudWatch Logs' own encryption
   */
  readonly encryptionKey?: kms.IKey;
  /**
   * Retention of the findings log group: at least 90 days (DPP 3.6).
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly findingsRetention?: logs.RetentionDays;
  /**
   * Countries whose phone-number formats are detected (a subset of {@link PHONE_NUMBER_COUNTRIES}).
   * @default PHONE_NUMBER_COUNTRIES
   */
  readonly phoneNumberCountries?: readonly string[];
  /**
   * The policy's name.
   * @default 'dpp-log-data-protection'
   */
  readonly policyName?: string;
  /**
   * What happens to the findings log group when it leaves the stack.
   * @default RemovalPolicy.RETAIN (as `RETAIN_ON_UPDATE_OR_DELETE`: a failed create can be retried)
   */
  readonly removalPolicy?: RemovalPolicy;
}

const NAME = 'LogDataProtection';

/** The data-protection policy document: audit (findings to a log group) and mask the same identifiers. */
export function logDataProtectionDocument(partition: string, findingsLogGroupName: string, phoneNumberCountries: readonly string[]): Record<string, unknown> {
  const names = Object.keys(PII_LOG_IDENTIFIERS).flatMap((id) => (id === 'PhoneNumber' ? phoneNumberCountries.map((c) => `${id}-${c}`) : [id]));
  const identifiers = names.map((n) => `arn:${partition}:dataprotection::aws:data-identifier/${n}`);
  return {
    Name: 'dpp-log-data-protection',
    Description: 'DPP 3.6 Logging and Monitoring: logs must not contain PII. Audits and masks names, addresses, e-mail, phone and card numbers.',
    Version: '2021-06-01',
    Statement: [
      { Sid: 'audit', DataIdentifier: identifiers, Operation: { Audit: { FindingsDestination: { CloudWatchLogs: { LogGroup: findingsLogGroupName } } } } },
      { Sid: 'mask', DataIdentifier: identifiers, Operation: { Deidentify: { MaskConfig: {} } } },
    ],
  };
}

/**
 * Logs without PII (DPP 3.6 Logging and Monitoring): an account-level CloudWatch Logs
 * data-protection policy (`AWS::Logs::AccountPolicy`, scope ALL: every log group of the account
 * and region, those Lambda or other services create included) that masks names, addresses, e-mail
 * addresses, phone numbers and card numbers in every log event as it is ingested, and reports each
 * finding to a KMS-encrypted findings log group. Reading the unmasked value needs `logs:Unmask`,
 * which no baseline role has. One account-level data-protection policy per account and region:
 * deploy this once per environment.
 */
export class LogDataProtection extends Construct {
  public readonly findingsLogGroup: logs.LogGroup;
  public readonly policy: logs.CfnAccountPolicy;

  constructor(scope: Construct, id: string, props: LogDataProtectionProps = {}) {
    super(scope, id);
    const countries = [...(props.phoneNumberCountries ?? PHONE_NUMBER_COUNTRIES)];
    const unknown = countries.filter((c) => !PHONE_NUMBER_COUNTRIES.includes(c));
    if (countries.length === 0 || unknown.length > 0) invalidProp(NAME, 'phoneNumberCountries', `must name at least one of ${PHONE_NUMBER_COUNTRIES.join(', ')}${unknown.length > 0 ? `, got ${unknown.join(', ')}` : ''}`);
    const policyName = props.policyName ?? 'dpp-log-data-protection';
    if (!/^[A-Za-z0-9_.\-/#]{1,256}$/.test(policyName)) invalidProp(NAME, 'policyName', `must be 1 to 256 letters, digits or _ . - / #, got ${JSON.stringify(policyName)}`);
    const retention = requireLogRetentionDays(NAME, 'findingsRetention', props.findingsRetention ?? logs.RetentionDays.ONE_YEAR, policyOf(this));

    this.findingsLogGroup = new logs.LogGroup(this, 'Findings', {
      retention,
      encryptionKey: props.encryptionKey,
      removalPolicy: retainExceptOnCreate(props.removalPolicy),
    });
    // Findings say where PII was found (log group, stream, identifier), not the value itself.
    Tags.of(this.findingsLogGroup).add(TAG_DATA_ORIGIN, 'internal');
    Tags.of(this.findingsLogGroup).add(TAG_CLASSIFICATION, 'confidential');

    const stack = Stack.of(this);
    this.policy = new logs.CfnAccountPolicy(this, 'Policy', {
      policyName,
      policyType: 'DATA_PROTECTION_POLICY',
      scope: 'ALL',
      policyDocument: stack.toJsonString(logDataProtectionDocument(stack.partition, this.findingsLogGroup.logGroupName, countries)),
    });
  }
}

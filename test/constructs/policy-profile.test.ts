import { App, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { AuditTrail } from '../../constructs/audit/audit-trail';
import { AccountLockout } from '../../constructs/identity/account-lockout';
import { AccountPasswordPolicy } from '../../constructs/identity/account-password-policy';
import { SegmentedVpc } from '../../constructs/network/segmented-vpc';
import { EncryptionKeys } from '../../constructs/security/keys';
import { POLICY_CONTEXT_KEY } from '../../lib/policy/context';
import { DPP_2025 } from '../../lib/policy/profile';
import { APPROVED, ENV, ZONES } from './fixtures';
import { dppErrorsAndAcknowledgments, resourcesOfType } from './no-bundling';

/** Constructs follow the profile in construct context (`dpp:policy`), or their `policy` prop. */
function stackUnder(profile: string | undefined): { app: App; stack: Stack } {
  const context: Record<string, unknown> = { 'aws:cdk:bundling-stacks': [] };
  if (profile) context[POLICY_CONTEXT_KEY] = profile;
  const app = new App({ builtinCloudFormationValidation: false, context });
  return { app, stack: new Stack(app, 'Test', { env: ENV }) };
}

describe('AuditTrail under dpp-2025', () => {
  test('expires log files within the non-PII retention (after the lock) and passes the dpp-2025 pack', () => {
    const { app, stack } = stackUnder('dpp-2025');
    new AuditTrail(stack, 'Audit');
    const buckets = resourcesOfType(Template.fromStack(stack), 'AWS::S3::Bucket');
    const rules = buckets.flatMap(([, b]) => (b.Properties.LifecycleConfiguration?.Rules ?? []) as Array<{ Id?: string; ExpirationInDays?: number }>);
    expect(rules).toContainEqual(expect.objectContaining({ Id: 'DeleteAfterRetention', ExpirationInDays: 545 }));
    expect(resourcesOfType(Template.fromStack(stack), 'AWS::Logs::LogGroup').map(([, g]) => g.Properties.RetentionInDays)).toEqual([365]);
    expect(dppErrorsAndAcknowledgments(app).errors).toEqual([]);
  });

  test('keeps log files for ever under dpp, and refuses an expiry before the lock ends', () => {
    const { stack } = stackUnder(undefined);
    new AuditTrail(stack, 'Audit');
    expect(JSON.stringify(Template.fromStack(stack).toJSON())).not.toContain('DeleteAfterRetention');
    const strict = stackUnder('dpp-2025');
    expect(() => new AuditTrail(strict.stack, 'Audit', { expireAfterDays: 200 })).toThrow('AuditTrail: expireAfterDays must be an integer from 365 to 545');
  });
});

describe('numbers bounded by the profile', () => {
  test('AccountPasswordPolicy: reuse prevention below the profile\'s 10 is refused; the default (24) passes', () => {
    const { stack } = stackUnder('dpp-2025');
    expect(() => new AccountPasswordPolicy(stack, 'Weak', { passwordReusePrevention: 5 })).toThrow('AccountPasswordPolicy: passwordReusePrevention must be an integer from 10 to 24 (profile dpp-2025 requires at least 10), got 5');
    new AccountPasswordPolicy(stack, 'Default');
    expect(resourcesOfType(Template.fromStack(stack), 'Custom::AccountPasswordPolicy')[0][1].Properties.PasswordReusePrevention).toBe(24);
  });

  test('AccountLockout: more attempts than the profile allows are refused', () => {
    const { stack } = stackUnder('dpp-2025');
    const alertTopic = new sns.Topic(stack, 'Topic');
    expect(() => new AccountLockout(stack, 'Lockout', { alertTopic, maxFailures: 11 })).toThrow('AccountLockout: maxFailures must be an integer from 1 to 10 (DPP 2.2: lockout after at most 10 attempts under profile dpp-2025), got 11');
    expect(() => new AccountLockout(stack, 'Lockout2', { alertTopic, window: Duration.hours(25) })).toThrow('AccountLockout: window must be whole minutes from 1 minute to 24 hours');
  });

  test('SegmentedVpc: flow logs kept 180 days are refused under dpp-2025 (context or prop), accepted under dpp', () => {
    const strict = stackUnder('dpp-2025');
    const keys = new EncryptionKeys(strict.stack, 'Keys', { aliasPrefix: 'dpp/t' });
    expect(() => new SegmentedVpc(strict.stack, 'Net', { availabilityZones: ZONES, approvedCidrs: APPROVED, flowLogKey: keys.logs, flowLogRetentionDays: 180 }))
      .toThrow('SegmentedVpc: flowLogRetentionDays must be at least 365 days (DPP 3.6 Logging and Monitoring, profile dpp-2025), got 180');
    const lax = stackUnder(undefined);
    const laxKeys = new EncryptionKeys(lax.stack, 'Keys', { aliasPrefix: 'dpp/t' });
    expect(() => new SegmentedVpc(lax.stack, 'Net', { availabilityZones: ZONES, approvedCidrs: APPROVED, flowLogKey: laxKeys.logs, flowLogRetentionDays: 180, policy: DPP_2025 }))
      .toThrow('profile dpp-2025');
    new SegmentedVpc(lax.stack, 'Net2', { availabilityZones: ZONES, approvedCidrs: APPROVED, flowLogKey: laxKeys.logs, flowLogRetentionDays: 180, cidr: '10.1.0.0/16' });
    expect(resourcesOfType(Template.fromStack(lax.stack), 'AWS::Logs::LogGroup').map(([, g]) => g.Properties.RetentionInDays)).toContain(logs.RetentionDays.SIX_MONTHS);
  });
});

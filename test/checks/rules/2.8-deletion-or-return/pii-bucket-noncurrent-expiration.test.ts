import { PiiBucketNoncurrentExpiration } from '../../../../lib/checks/rules/2.8-deletion-or-return/pii-bucket-noncurrent-expiration';
import { findingsOf, parameters, type Resources } from '../../../helpers/check';

const PII = [{ Key: 'dpp:classification', Value: 'pii' }];

function bucket(rules: unknown, { tags = PII as unknown, versioning = 'Enabled' as unknown } = {}): Resources {
  return {
    Bucket: {
      Type: 'AWS::S3::Bucket',
      Properties: { Tags: tags, VersioningConfiguration: versioning === null ? undefined : { Status: versioning }, LifecycleConfiguration: rules === undefined ? undefined : { Rules: rules } },
    },
  };
}

const rule = (extra: Record<string, unknown>) => ({ Id: 'noncurrent', Status: 'Enabled', ...extra });

describe('DPP-2.8-PiiBucketNoncurrentExpiration', () => {
  test.each([
    ['NoncurrentVersionExpiration.NoncurrentDays 90', [rule({ NoncurrentVersionExpiration: { NoncurrentDays: 90 } })]],
    ['the older NoncurrentVersionExpirationInDays 30', [rule({ NoncurrentVersionExpirationInDays: 30 })]],
    ['an empty prefix (the whole bucket)', [rule({ Prefix: '', NoncurrentVersionExpiration: { NoncurrentDays: '7' } })]],
    ['one qualifying rule among others', [rule({ Prefix: 'tmp/', ExpirationInDays: 1 }), rule({ NoncurrentVersionExpiration: { NoncurrentDays: 30 } })]],
  ])('passes a versioned PII bucket with %s', (_, rules) => {
    expect(findingsOf(PiiBucketNoncurrentExpiration, bucket(rules))).toEqual([]);
  });

  test('ignores buckets that are not PII, and PII buckets never versioned', () => {
    expect(findingsOf(PiiBucketNoncurrentExpiration, bucket(undefined, { tags: [{ Key: 'dpp:classification', Value: 'internal' }] }))).toEqual([]);
    expect(findingsOf(PiiBucketNoncurrentExpiration, bucket(undefined, { versioning: null }))).toEqual([]);
  });

  test('fails a versioned PII bucket without a lifecycle rule', () => {
    const [finding, ...rest] = findingsOf(PiiBucketNoncurrentExpiration, bucket(undefined));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-2.8-PiiBucketNoncurrentExpiration', clause: '2.8', level: 'error', logicalId: 'Bucket', property: 'LifecycleConfiguration.Rules' });
    expect(finding.message).toMatch(/no Enabled lifecycle rule applying to the whole bucket expires non-current versions within 90 days/);
  });

  test('fails a suspended bucket too: it keeps the versions made while versioning was on', () => {
    expect(findingsOf(PiiBucketNoncurrentExpiration, bucket(undefined, { versioning: 'Suspended' }))).toHaveLength(1);
  });

  test.each([
    ['after 365 days', rule({ NoncurrentVersionExpiration: { NoncurrentDays: 365 } }), /rule "noncurrent" expires non-current versions after 365 days/],
    ['in a Disabled rule', rule({ Status: 'Disabled', NoncurrentVersionExpiration: { NoncurrentDays: 30 } }), /rule "noncurrent" is Disabled/],
    ['under a prefix only', rule({ Prefix: 'orders/', NoncurrentVersionExpiration: { NoncurrentDays: 30 } }), /is limited to prefix "orders\/"/],
    ['for tagged objects only', rule({ TagFilters: [{ Key: 'k', Value: 'v' }], NoncurrentVersionExpiration: { NoncurrentDays: 30 } }), /limited to tagged objects/],
    ['for large objects only', rule({ ObjectSizeGreaterThan: 1024, NoncurrentVersionExpiration: { NoncurrentDays: 30 } }), /limited by object size/],
    ['keeping the newest versions for ever', rule({ NoncurrentVersionExpiration: { NoncurrentDays: 30, NewerNoncurrentVersions: 3 } }), /keeps the 3 newest non-current versions/],
  ])('fails a rule expiring non-current versions %s', (_, lifecycleRule, message) => {
    expect(findingsOf(PiiBucketNoncurrentExpiration, bucket([lifecycleRule]))).toEqual([expect.objectContaining({ level: 'error', message: expect.stringMatching(message) })]);
  });

  test.each([
    ['the days are a parameter', bucket([rule({ NoncurrentVersionExpiration: { NoncurrentDays: { Ref: 'Days' } } })]), 'LifecycleConfiguration.Rules.0.NoncurrentVersionExpiration.NoncurrentDays'],
    ['the rule status is Fn::If', bucket([rule({ Status: { 'Fn::If': ['IsProd', 'Enabled', 'Disabled'] }, NoncurrentVersionExpirationInDays: 30 })]), 'LifecycleConfiguration.Rules.0.Status'],
    ['the versioning status is a parameter', bucket(undefined, { versioning: { Ref: 'Days' } }), 'VersioningConfiguration.Status'],
    ['the classification is a parameter', bucket(undefined, { tags: [{ Key: 'dpp:classification', Value: { Ref: 'Days' } }] }), 'Tags.dpp:classification'],
    ['the rules are Fn::If', bucket({ 'Fn::If': ['IsProd', [], []] }), 'LifecycleConfiguration.Rules'],
  ])('warns when %s', (_, resources, property) => {
    expect(findingsOf(PiiBucketNoncurrentExpiration, resources, parameters('Days'))).toEqual([
      expect.objectContaining({ level: 'warning', property, message: expect.stringMatching(/^cannot be verified at synth time/) }),
    ]);
  });

  test('a failing rule does not hide a compliant one, and a definite pass beats an unresolvable rule', () => {
    const rules = [rule({ NoncurrentVersionExpiration: { NoncurrentDays: { Ref: 'Days' } } }), rule({ NoncurrentVersionExpiration: { NoncurrentDays: 10 } })];
    expect(findingsOf(PiiBucketNoncurrentExpiration, bucket(rules), parameters('Days'))).toEqual([]);
  });
});

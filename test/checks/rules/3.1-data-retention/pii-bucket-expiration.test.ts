import { PiiBucketExpiration } from '../../../../lib/checks/rules/3.1-data-retention/pii-bucket-expiration';
import { findingsOf, parameters, type Resources } from '../../../helpers/check';

const PII = [{ Key: 'dpp:classification', Value: 'pii' }];

function bucket(rules: unknown, tags: unknown = PII): Resources {
  return { Bucket: { Type: 'AWS::S3::Bucket', Properties: { Tags: tags, LifecycleConfiguration: rules === undefined ? undefined : { Rules: rules } } } };
}

const rule = (extra: Record<string, unknown>) => ({ Id: 'retention', Status: 'Enabled', ...extra });

describe('DPP-3.1-PiiBucketExpiration', () => {
  test('passes a PII bucket expiring every object within 30 days', () => {
    expect(findingsOf(PiiBucketExpiration, bucket([rule({ ExpirationInDays: 30 })]))).toEqual([]);
    expect(findingsOf(PiiBucketExpiration, bucket([rule({ ExpirationInDays: '7', Prefix: '' })]))).toEqual([]);
  });

  test('ignores buckets not classified pii (and unclassified ones: DPP 2.9 reports those)', () => {
    expect(findingsOf(PiiBucketExpiration, bucket(undefined, [{ Key: 'dpp:classification', Value: 'confidential' }]))).toEqual([]);
    expect(findingsOf(PiiBucketExpiration, bucket(undefined, []))).toEqual([]);
  });

  test('fails a PII bucket without lifecycle rules', () => {
    const [finding, ...rest] = findingsOf(PiiBucketExpiration, bucket(undefined));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-3.1-PiiBucketExpiration', clause: '3.1', level: 'error', logicalId: 'Bucket', property: 'LifecycleConfiguration.Rules' });
    expect(finding.message).toMatch(/no Enabled lifecycle rule applying to the whole bucket expires current objects within 30 days/);
    expect(finding.message).toMatch(/acknowledge this finding naming that law/);
  });

  test.each([
    ['after 90 days', rule({ ExpirationInDays: 90 }), /expires current objects after 90 days/],
    ['on a fixed date', rule({ ExpirationDate: '2030-01-01T00:00:00Z' }), /fixed ExpirationDate/],
    ['under a prefix only', rule({ ExpirationInDays: 30, Prefix: 'orders/' }), /limited to prefix "orders\/"/],
    ['in a Disabled rule', rule({ ExpirationInDays: 30, Status: 'Disabled' }), /is Disabled/],
  ])('fails expiration %s', (_, lifecycleRule, message) => {
    expect(findingsOf(PiiBucketExpiration, bucket([lifecycleRule]))).toEqual([expect.objectContaining({ level: 'error', message: expect.stringMatching(message) })]);
  });

  test('a rule that only expires non-current versions does not count', () => {
    expect(findingsOf(PiiBucketExpiration, bucket([rule({ NoncurrentVersionExpiration: { NoncurrentDays: 30 } })]))).toHaveLength(1);
  });

  test.each([
    ['the days are a parameter', bucket([rule({ ExpirationInDays: { Ref: 'Days' } })]), 'LifecycleConfiguration.Rules.0.ExpirationInDays'],
    ['the prefix is Fn::If', bucket([rule({ ExpirationInDays: 30, Prefix: { 'Fn::If': ['IsProd', '', 'x/'] } })]), 'LifecycleConfiguration.Rules.0.Prefix'],
    ['the classification is Fn::If', bucket(undefined, [{ Key: 'dpp:classification', Value: { 'Fn::If': ['IsProd', 'pii', 'internal'] } }]), 'Tags.dpp:classification'],
    ['the tags are a parameter', bucket(undefined, { Ref: 'Days' }), 'Tags.dpp:classification'],
  ])('warns when %s', (_, resources, property) => {
    expect(findingsOf(PiiBucketExpiration, resources, parameters('Days'))).toEqual([
      expect.objectContaining({ level: 'warning', property, message: expect.stringMatching(/^cannot be verified at synth time/) }),
    ]);
  });
});

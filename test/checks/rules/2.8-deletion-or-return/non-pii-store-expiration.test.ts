import { NonPiiStoreExpiration } from '../../../../lib/checks/rules/2.8-deletion-or-return/non-pii-store-expiration';
import { DPP, DPP_2025 } from '../../../../lib/policy/profile';
import { findingsOf, parameters } from '../../../helpers/check';

const INTERNAL = [{ Key: 'dpp:classification', Value: 'internal' }, { Key: 'dpp:data-origin', Value: 'ecartapi' }];
const bucket = (days: unknown, tags: unknown = INTERNAL) => ({
  B: { Type: 'AWS::S3::Bucket', Properties: { Tags: tags, LifecycleConfiguration: { Rules: [{ Id: 'expire', Status: 'Enabled', ExpirationInDays: days }] } } },
});

describe('DPP-2.8-NonPiiStoreExpiration (dpp-2025: non-PII Information deleted within 18 months)', () => {
  test('is off under dpp', () => {
    expect(findingsOf(NonPiiStoreExpiration, bucket(3650), {}, DPP)).toEqual([]);
  });

  test('passes a non-PII bucket expiring within 545 days', () => {
    expect(findingsOf(NonPiiStoreExpiration, bucket(545), {}, DPP_2025)).toEqual([]);
  });

  test('fails one kept longer, stating the profile\'s number', () => {
    expect(findingsOf(NonPiiStoreExpiration, bucket(731), {}, DPP_2025)).toEqual([
      expect.objectContaining({ level: 'error', logicalId: 'B', message: expect.stringMatching(/expires current objects after 731 days.*ExpirationInDays <= 545/) }),
    ]);
  });

  test('leaves PII stores to DPP 3.1 and untagged ones to DPP 2.9', () => {
    expect(findingsOf(NonPiiStoreExpiration, bucket(3650, [{ Key: 'dpp:classification', Value: 'pii' }]), {}, DPP_2025)).toEqual([]);
    expect(findingsOf(NonPiiStoreExpiration, bucket(3650, []), {}, DPP_2025)).toEqual([]);
  });

  test('fails a non-PII table without Time to Live', () => {
    const table = { T: { Type: 'AWS::DynamoDB::Table', Properties: { Tags: INTERNAL, TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: false } } } };
    expect(findingsOf(NonPiiStoreExpiration, table, {}, DPP_2025)).toEqual([expect.objectContaining({ level: 'error', property: 'TimeToLiveSpecification.Enabled' })]);
  });

  test('warns when the expiry or the classification is a parameter, never passes', () => {
    expect(findingsOf(NonPiiStoreExpiration, bucket({ Ref: 'Days' }), parameters('Days'), DPP_2025)).toEqual([expect.objectContaining({ level: 'warning' })]);
    expect(findingsOf(NonPiiStoreExpiration, bucket(3650, [{ Key: 'dpp:classification', Value: { Ref: 'Class' } }]), parameters('Class'), DPP_2025)).toEqual([expect.objectContaining({ level: 'warning' })]);
    expect(findingsOf(NonPiiStoreExpiration, bucket({ 'Fn::If': ['Long', 3650, 30] }), { Conditions: { Long: { 'Fn::Equals': ['a', 'b'] } } }, DPP_2025)).toEqual([expect.objectContaining({ level: 'warning' })]);
  });
});

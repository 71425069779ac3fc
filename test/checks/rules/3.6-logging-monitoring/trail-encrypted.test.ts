import { TrailEncrypted } from '../../../../lib/checks/rules/3.6-logging-monitoring/trail-encrypted';
import { findingsOf, parameters } from '../../../helpers/check';
import { expectOneFailure, expectOneUnresolvable } from '../../../helpers/rule-expectations';

const trail = (key: unknown) => ({ Key: { Type: 'AWS::KMS::Key', Properties: {} }, T: { Type: 'AWS::CloudTrail::Trail', Properties: { IsLogging: true, KMSKeyId: key } } });

describe('DPP-3.6-TrailEncrypted', () => {
  test('passes a trail under a key of the template', () => {
    expect(findingsOf(TrailEncrypted, trail({ 'Fn::GetAtt': ['Key', 'Arn'] }))).toEqual([]);
  });

  test('fails a trail without KMSKeyId', () => {
    const finding = expectOneFailure(findingsOf(TrailEncrypted, trail(undefined)), TrailEncrypted, 'T', /trail logs are not KMS-encrypted/);
    expect(finding.property).toBe('KMSKeyId');
  });

  test.each([
    ['a parameter', { Ref: 'KeyArn' }],
    ['Fn::If', { 'Fn::If': ['C', 'arn:aws:kms:eu-west-1:111111111111:key/k', { Ref: 'AWS::NoValue' }] }],
  ])('warns when the key is %s', (_, key) => {
    expectOneUnresolvable(findingsOf(TrailEncrypted, trail(key), parameters('KeyArn')), 'KMSKeyId');
  });
});

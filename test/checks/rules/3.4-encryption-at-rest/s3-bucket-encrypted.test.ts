import { S3BucketEncrypted } from '../../../../lib/checks/rules/3.4-encryption-at-rest/s3-bucket-encrypted';
import { findingsOf, parameters } from '../../../helpers/check';
import { expectOneFailure, expectOneUnresolvable } from '../../../helpers/rule-expectations';

const bucket = (algorithm: unknown) => ({
  B: { Type: 'AWS::S3::Bucket', Properties: { BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: algorithm } }] } } },
});

describe('DPP-3.4-S3BucketEncrypted', () => {
  test.each(['AES256', 'aws:kms', 'aws:kms:dsse'])('passes %s', (algorithm) => {
    expect(findingsOf(S3BucketEncrypted, bucket(algorithm))).toEqual([]);
  });

  test('fails a bucket without BucketEncryption', () => {
    const finding = expectOneFailure(findingsOf(S3BucketEncrypted, { B: { Type: 'AWS::S3::Bucket', Properties: {} } }), S3BucketEncrypted, 'B', /bucket encryption is not declared/);
    expect(finding.property).toMatch(/SSEAlgorithm$/);
  });

  test('warns when the algorithm is a parameter', () => {
    expectOneUnresolvable(findingsOf(S3BucketEncrypted, bucket({ Ref: 'Algo' }), parameters('Algo')), 'BucketEncryption.ServerSideEncryptionConfiguration.0');
  });

  test('warns when the whole configuration is under Fn::If', () => {
    const b = { B: { Type: 'AWS::S3::Bucket', Properties: { BucketEncryption: { 'Fn::If': ['C', {}, {}] } } } };
    expectOneUnresolvable(findingsOf(S3BucketEncrypted, b), 'BucketEncryption');
  });
});

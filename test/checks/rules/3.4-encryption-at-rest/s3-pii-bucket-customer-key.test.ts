import { S3PiiBucketCustomerKey } from '../../../../lib/checks/rules/3.4-encryption-at-rest/s3-pii-bucket-customer-key';
import { findingsOf, parameters } from '../../../helpers/check';
import { expectOneFailure, expectOneUnresolvable } from '../../../helpers/rule-expectations';

const KEY = { Type: 'AWS::KMS::Key', Properties: {} };
const bucket = (algorithm: unknown, keyId?: unknown, classification: unknown = 'pii') => ({
  Key: KEY,
  B: {
    Type: 'AWS::S3::Bucket',
    Properties: {
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: algorithm, KMSMasterKeyID: keyId } }] },
      Tags: [{ Key: 'dpp:classification', Value: classification }],
    },
  },
});

describe('DPP-3.4-S3PiiBucketCustomerKey', () => {
  test.each([
    ['a key of the template (GetAtt)', { 'Fn::GetAtt': ['Key', 'Arn'] }],
    ['a key of the template (Ref)', { Ref: 'Key' }],
    ['a literal key ARN', 'arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
  ])('passes a PII bucket under %s', (_, keyId) => {
    expect(findingsOf(S3PiiBucketCustomerKey, bucket('aws:kms', keyId))).toEqual([]);
  });

  test('ignores buckets that are not PII', () => {
    expect(findingsOf(S3PiiBucketCustomerKey, bucket('AES256', undefined, 'internal'))).toEqual([]);
  });

  test('fails a PII bucket with SSE-S3', () => {
    expectOneFailure(findingsOf(S3PiiBucketCustomerKey, bucket('AES256')), S3PiiBucketCustomerKey, 'B', /PII bucket is encrypted with AES256, not aws:kms/);
  });

  test('fails a PII bucket with the AWS-managed key (no key ID)', () => {
    expectOneFailure(findingsOf(S3PiiBucketCustomerKey, bucket('aws:kms')), S3PiiBucketCustomerKey, 'B', /AWS-managed S3 key/);
  });

  test('fails a PII bucket naming alias/aws/s3', () => {
    expectOneFailure(findingsOf(S3PiiBucketCustomerKey, bucket('aws:kms', 'alias/aws/s3')), S3PiiBucketCustomerKey, 'B', /AWS-managed key alias\/aws\/s3/);
  });

  test('warns when the key is a parameter', () => {
    expectOneUnresolvable(findingsOf(S3PiiBucketCustomerKey, bucket('aws:kms', { Ref: 'KeyArn' }), parameters('KeyArn')), 'BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault.KMSMasterKeyID');
  });

  test('warns when the classification is an Fn::If', () => {
    expectOneUnresolvable(findingsOf(S3PiiBucketCustomerKey, bucket('AES256', undefined, { 'Fn::If': ['C', 'pii', 'internal'] })), 'Tags');
  });
});

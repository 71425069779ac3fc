import { SqsPiiQueueKmsKey } from '../../../../lib/checks/rules/3.4-encryption-at-rest/sqs-pii-queue-kms-key';
import { findingsOf } from '../../../helpers/check';
import { expectOneFailure, expectOneUnresolvable } from '../../../helpers/rule-expectations';

const queue = (properties: Record<string, unknown>, classification = 'pii') => ({
  Key: { Type: 'AWS::KMS::Key', Properties: {} },
  Q: { Type: 'AWS::SQS::Queue', Properties: { ...properties, Tags: [{ Key: 'dpp:classification', Value: classification }] } },
});

describe('DPP-3.4-SqsPiiQueueKmsKey', () => {
  test('passes a PII queue under a key of the template', () => {
    expect(findingsOf(SqsPiiQueueKmsKey, queue({ KmsMasterKeyId: { Ref: 'Key' } }))).toEqual([]);
  });

  test('ignores queues that are not PII', () => {
    expect(findingsOf(SqsPiiQueueKmsKey, queue({}, 'public'))).toEqual([]);
  });

  test('fails a PII queue on SQS-managed encryption, naming it', () => {
    expectOneFailure(findingsOf(SqsPiiQueueKmsKey, queue({ SqsManagedSseEnabled: true })), SqsPiiQueueKmsKey, 'Q', /SQS-managed encryption \(SqsManagedSseEnabled\), not a KMS key/);
  });

  test('warns when the key is chosen by Fn::If', () => {
    expectOneUnresolvable(findingsOf(SqsPiiQueueKmsKey, queue({ KmsMasterKeyId: { 'Fn::If': ['C', { Ref: 'Key' }, { Ref: 'AWS::NoValue' }] } })), 'KmsMasterKeyId');
  });
});

import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { PiiTable, type PiiTableProps } from '../../../constructs/data/pii-table';
import { newStack } from '../fixtures';

function build(props: Partial<PiiTableProps> = {}): Template {
  const { stack } = newStack();
  new PiiTable(stack, 'Orders', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING }, encryptionKey: new kms.Key(stack, 'Key'), ...props });
  return Template.fromStack(stack);
}

describe('PiiTable', () => {
  test('customer key, TTL on expiresAt, 7 days of point-in-time recovery, deletion protection, retained, tagged PII', () => {
    build().hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Key'), 'Arn'] } },
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 7 },
        DeletionProtectionEnabled: true,
        BillingMode: 'PAY_PER_REQUEST',
        Tags: Match.arrayWith([{ Key: 'dpp:classification', Value: 'pii' }, { Key: 'dpp:data-origin', Value: 'ecartapi' }]),
      }),
    });
  });

  test('disposable, with its own TTL attribute, recovery window and origin', () => {
    build({ disposable: true, timeToLiveAttribute: 'deleteAfter', pointInTimeRecoveryDays: 30, dataOrigin: 'internal', sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING } }).hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({
        TimeToLiveSpecification: { AttributeName: 'deleteAfter', Enabled: true },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 30 },
        DeletionProtectionEnabled: false,
        Tags: Match.arrayWith([{ Key: 'dpp:data-origin', Value: 'internal' }]),
      }),
    });
  });

  test.each<[string, Partial<PiiTableProps>, string]>([
    ['a key attribute as TTL', { timeToLiveAttribute: 'pk' }, 'PiiTable: timeToLiveAttribute must not be a key attribute (pk)'],
    ['an empty TTL attribute', { timeToLiveAttribute: '' }, 'PiiTable: timeToLiveAttribute must be an attribute name'],
    ['recovery over 30 days', { pointInTimeRecoveryDays: 35 }, 'PiiTable: pointInTimeRecoveryDays must be an integer from 1 to 30 (DPP 2.8), got 35'],
  ])('rejects %s', (_, props, message) => {
    expect(() => build(props)).toThrow(message);
  });
});

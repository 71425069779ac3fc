import { DynamoDbTableEncrypted } from '../../../../lib/checks/rules/3.4-encryption-at-rest/dynamodb-table-encrypted';
import { findingsOf, parameters } from '../../../helpers/check';
import { expectOneFailure, expectOneUnresolvable } from '../../../helpers/rule-expectations';

const PII = [{ Key: 'dpp:classification', Value: 'pii' }];
const table = (sse: unknown, tags?: unknown) => ({
  Key: { Type: 'AWS::KMS::Key', Properties: {} },
  T: { Type: 'AWS::DynamoDB::Table', Properties: { SSESpecification: sse, Tags: tags } },
});

describe('DPP-3.4-DynamoDbTableEncrypted', () => {
  test('passes a table with SSE enabled', () => {
    expect(findingsOf(DynamoDbTableEncrypted, table({ SSEEnabled: true }))).toEqual([]);
  });

  test('passes a PII table under a customer key', () => {
    expect(findingsOf(DynamoDbTableEncrypted, table({ SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] } }, PII))).toEqual([]);
  });

  test('fails a table without SSESpecification', () => {
    expectOneFailure(findingsOf(DynamoDbTableEncrypted, table(undefined)), DynamoDbTableEncrypted, 'T', /server-side encryption is not declared/);
  });

  test('fails a PII table on the AWS-managed key', () => {
    expectOneFailure(findingsOf(DynamoDbTableEncrypted, table({ SSEEnabled: true }, PII)), DynamoDbTableEncrypted, 'T', /PII table uses the AWS-managed DynamoDB key/);
  });

  test('fails a PII global table whose replica has no customer key', () => {
    const resources = {
      G: {
        Type: 'AWS::DynamoDB::GlobalTable',
        Properties: { SSESpecification: { SSEEnabled: true, SSEType: 'KMS' }, Replicas: [{ Region: 'eu-west-1', Tags: PII }] },
      },
    };
    expectOneFailure(findingsOf(DynamoDbTableEncrypted, resources), DynamoDbTableEncrypted, 'G', /replica 0 has no customer-managed key/);
  });

  test.each([
    ['a parameter', { Ref: 'On' }],
    ['Fn::If', { 'Fn::If': ['C', true, false] }],
  ])('warns when SSEEnabled is %s', (_, value) => {
    expectOneUnresolvable(findingsOf(DynamoDbTableEncrypted, table({ SSEEnabled: value }), parameters('On')), 'SSESpecification.SSEEnabled');
  });
});

describe('DPP-3.4-DynamoDbTableEncrypted on global table replica tags', () => {
  test('warns when a replica tag is an Fn::If (the table may be PII)', () => {
    const resources = {
      G: {
        Type: 'AWS::DynamoDB::GlobalTable',
        Properties: { SSESpecification: { SSEEnabled: true }, Replicas: [{ Region: 'eu-west-1', Tags: [{ 'Fn::If': ['C', { Key: 'dpp:classification', Value: 'pii' }, { Ref: 'AWS::NoValue' }] }] }] },
      },
    };
    expectOneUnresolvable(findingsOf(DynamoDbTableEncrypted, resources), 'Tags');
  });
});

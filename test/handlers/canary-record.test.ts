import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { CANARY_NOTE, onEvent, type CanaryClients, type CanaryEvent } from '../../lib/handlers/canary-record';
import { clientConfig, FakeAwsEndpoint, jsonError, s3Error, type FakeRequest } from './fake-aws-endpoint';

const S3_PROPS = { ServiceToken: 'arn:aws:lambda:eu-west-1:111111111111:function:provider', Store: 's3', BucketName: 'orders-pii', Key: 'dpp-canary/orders.json' };
const TABLE_PROPS = { Store: 'dynamodb', TableName: 'customers', PartitionKey: 'pk', SortKey: 'sk', Key: 'dpp-canary#customers' };

const ok = (request: FakeRequest) => (request.service === 'dynamodb' ? { json: {} } : { xml: '' });

describe('canary-record handler (real S3 and DynamoDB clients against a local endpoint)', () => {
  let endpoint: FakeAwsEndpoint;
  let clients: CanaryClients;

  beforeAll(async () => {
    endpoint = await FakeAwsEndpoint.start(ok);
    clients = {
      s3: new S3Client({ ...clientConfig(endpoint.url), forcePathStyle: true }),
      dynamodb: new DynamoDBClient(clientConfig(endpoint.url)),
    };
  });
  afterAll(async () => {
    clients.s3.destroy();
    clients.dynamodb.destroy();
    await endpoint.close();
  });
  beforeEach(() => {
    endpoint.requests.length = 0;
    endpoint.respondWith(ok);
  });

  const event = (RequestType: CanaryEvent['RequestType'], ResourceProperties: Record<string, unknown>, PhysicalResourceId?: string): CanaryEvent => ({ RequestType, ResourceProperties, PhysicalResourceId });

  test('create puts the canary object under dpp-canary, with the note and no data', async () => {
    const response = await onEvent(clients, event('Create', S3_PROPS));
    expect(endpoint.requests.map((r) => [r.action, r.path])).toEqual([['PutObject', '/orders-pii/dpp-canary/orders.json']]);
    expect(JSON.parse(endpoint.requests[0].body!)).toEqual({ note: CANARY_NOTE });
    expect(response).toEqual({ PhysicalResourceId: 'dpp-canary/s3/orders-pii/dpp-canary/orders.json', Data: { Key: 'dpp-canary/orders.json' } });
  });

  test('create puts the canary item with its partition and sort key, and no expiry attribute', async () => {
    await onEvent(clients, event('Create', TABLE_PROPS));
    const [put] = endpoint.calls('PutItem');
    expect(put.json).toEqual({ TableName: 'customers', Item: { pk: { S: 'dpp-canary#customers' }, sk: { S: 'dpp-canary' }, note: { S: CANARY_NOTE } } });
  });

  test('update to another key returns a new physical ID (CloudFormation then deletes the old record); the scheduled reseed writes it again', async () => {
    const updated = await onEvent(clients, event('Update', { ...S3_PROPS, Key: 'dpp-canary/v2.json' }, 'dpp-canary/s3/orders-pii/dpp-canary/orders.json'));
    expect(updated.PhysicalResourceId).toBe('dpp-canary/s3/orders-pii/dpp-canary/v2.json');
    await onEvent(clients, event('Reseed', S3_PROPS));
    expect(endpoint.requests.map((r) => r.action)).toEqual(['PutObject', 'PutObject']);
  });

  test('delete removes the record, and succeeds when the bucket or table is already gone', async () => {
    await onEvent(clients, event('Delete', S3_PROPS, 'dpp-canary/s3/orders-pii/dpp-canary/orders.json'));
    await onEvent(clients, event('Delete', TABLE_PROPS, 'dpp-canary/dynamodb/customers/dpp-canary#customers'));
    expect(endpoint.requests.map((r) => r.action)).toEqual(['DeleteObject', 'DeleteItem']);
    expect(endpoint.calls('DeleteItem')[0].json).toEqual({ TableName: 'customers', Key: { pk: { S: 'dpp-canary#customers' }, sk: { S: 'dpp-canary' } } });

    endpoint.respondWith((r) => (r.service === 's3' ? s3Error('NoSuchBucket', 'The specified bucket does not exist') : jsonError('ResourceNotFoundException', 'Requested resource not found')));
    await expect(onEvent(clients, event('Delete', S3_PROPS, 'dpp-canary/s3/orders-pii/dpp-canary/orders.json'))).resolves.toMatchObject({ PhysicalResourceId: expect.any(String) });
    await expect(onEvent(clients, event('Delete', TABLE_PROPS, 'dpp-canary/dynamodb/customers/dpp-canary#customers'))).resolves.toMatchObject({ PhysicalResourceId: expect.any(String) });
  });

  test('delete of a create that failed before seeding calls nothing', async () => {
    await expect(onEvent(clients, event('Delete', S3_PROPS, 'resource-id-set-by-the-provider'))).resolves.toEqual({ PhysicalResourceId: 'resource-id-set-by-the-provider' });
    expect(endpoint.requests).toEqual([]);
  });

  test('errors reach the provider framework (which reports FAILED to CloudFormation): access denied, bad properties', async () => {
    endpoint.respondWith(() => s3Error('AccessDenied', 'Access Denied', 403));
    await expect(onEvent(clients, event('Create', S3_PROPS))).rejects.toThrow(/Access Denied/);
    await expect(onEvent(clients, event('Create', { ...S3_PROPS, Key: 'orders.json' }))).rejects.toThrow('Key must start with dpp-canary, got "orders.json"');
    await expect(onEvent(clients, event('Create', { ...S3_PROPS, Store: 'efs' }))).rejects.toThrow('Store must be "s3" or "dynamodb", got "efs"');
    await expect(onEvent(clients, event('Create', { ...TABLE_PROPS, TableName: '' }))).rejects.toThrow('TableName must be a non-empty string, got ""');
    await expect(onEvent(clients, { RequestType: 'Bogus' } as never)).rejects.toThrow('Unknown RequestType "Bogus"');
  });
});

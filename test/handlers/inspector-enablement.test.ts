import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Inspector2Client } from '@aws-sdk/client-inspector2';
import { onEvent, type InspectorEnablementEvent } from '../../lib/handlers/inspector-enablement';
import { clientConfig } from './fake-aws-endpoint';

/**
 * Inspector's REST-JSON `POST /enable` on 127.0.0.1, answering with what the API reference shows:
 * HTTP 200 with `accounts` and `failedAccounts` (https://docs.aws.amazon.com/inspector/v2/APIReference/API_Enable.html).
 */
let server: http.Server;
let client: Inspector2Client;
let answer: { status: number; body: unknown };
const received: { path: string; body: any }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body: body ? JSON.parse(body) : {} });
      res.writeHead(answer.status, { 'content-type': 'application/json', 'x-amzn-requestid': 'req-1' });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  client = new Inspector2Client(clientConfig(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
});
afterAll(async () => {
  client.destroy();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  received.length = 0;
});

const event = (RequestType: InspectorEnablementEvent['RequestType']): InspectorEnablementEvent => ({
  RequestType, PhysicalResourceId: RequestType === 'Create' ? undefined : 'inspector2-111111111111',
  ResourceProperties: { AccountId: '111111111111', ResourceTypes: ['EC2', 'ECR', 'LAMBDA'] },
});

test('enables the scan types for the account and succeeds when the account is listed as enabling', async () => {
  answer = { status: 200, body: { accounts: [{ accountId: '111111111111', status: 'ENABLING', resourceStatus: { ec2: 'ENABLING', ecr: 'ENABLING', lambda: 'ENABLING' } }], failedAccounts: [] } };
  await expect(onEvent(client, event('Create'))).resolves.toEqual({ PhysicalResourceId: 'inspector2-111111111111', Data: { Status: 'ENABLING' } });
  expect(received).toEqual([{ path: '/enable', body: { accountIds: ['111111111111'], resourceTypes: ['EC2', 'ECR', 'LAMBDA'], clientToken: expect.any(String) } }]);
});

test('a 200 answer listing the account under failedAccounts fails the deploy with Inspector\'s reason', async () => {
  answer = {
    status: 200,
    body: { accounts: [], failedAccounts: [{ accountId: '111111111111', status: 'DISABLED', errorCode: 'ACCESS_DENIED', errorMessage: 'Unable to create the service-linked role' }] },
  };
  await expect(onEvent(client, event('Update'))).rejects.toThrow(
    'Amazon Inspector could not be enabled for account 111111111111: ACCESS_DENIED: Unable to create the service-linked role');
});

test('an API error fails the deploy too', async () => {
  answer = { status: 403, body: { message: 'not authorized to perform inspector2:Enable' } };
  await expect(onEvent(client, event('Create'))).rejects.toThrow(/not authorized/);
});

test('delete leaves Inspector enabled and calls nothing', async () => {
  await expect(onEvent(client, event('Delete'))).resolves.toEqual({ PhysicalResourceId: 'inspector2-111111111111' });
  expect(received).toEqual([]);
});

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { IAMClient } from '@aws-sdk/client-iam';
import { SNSClient } from '@aws-sdk/client-sns';
import { gzipSync } from 'node:zlib';
import {
  failedSignInOf,
  onSignInFailure,
  settingsFromEnvironment,
  signInEventsOf,
  type LockoutClients,
  type LockoutSettings,
  type SignInEvent,
} from '../../lib/handlers/account-lockout';
import {
  clientConfig,
  FakeAwsEndpoint,
  IAM_NAMESPACE,
  jsonError,
  queryError,
  queryResult,
  SNS_NAMESPACE,
  type FakeReply,
  type FakeRequest,
} from './fake-aws-endpoint';

type Attr = { S?: string; N?: string; SS?: string[] };
type Item = Record<string, Attr>;

/**
 * The lockout table as DynamoDB would keep it, for the handler's two updates: "count in the open
 * window" and "open a new window". Conditions and returned values follow DynamoDB's semantics
 * (ConditionalCheckFailedException with the old item when ReturnValuesOnConditionCheckFailure is
 * ALL_OLD). An update the handler does not make is refused, so a change of expression shows up.
 */
class FakeLockoutTable {
  public readonly items = new Map<string, Item>();

  public updateItem(body: Record<string, unknown>): FakeReply {
    const key = (body.Key as { userName: { S: string } }).userName.S;
    const values = body.ExpressionAttributeValues as Record<string, Attr>;
    const n = (name: string) => Number(values[name].N);
    const old = this.items.get(key);
    const conditionFailed = (): FakeReply => jsonError('ConditionalCheckFailedException', 'The conditional request failed',
      body.ReturnValuesOnConditionCheckFailure === 'ALL_OLD' && old ? { Item: old } : {});

    if (body.ConditionExpression === 'windowStart > :cutoff AND failures < :max AND NOT contains(eventIds, :eventId)'
      && body.UpdateExpression === 'ADD failures :one, eventIds :eventIds SET lastEventId = :eventId') {
      // A missing attribute makes a comparison false, as in DynamoDB.
      if (!old?.windowStart || Number(old.windowStart.N) <= n(':cutoff')) return conditionFailed();
      if (Number(old.failures.N) >= n(':max') || old.eventIds.SS!.includes(values[':eventId'].S!)) return conditionFailed();
      const updated: Item = {
        ...old,
        failures: { N: String(Number(old.failures.N) + n(':one')) },
        eventIds: { SS: [...old.eventIds.SS!, ...values[':eventIds'].SS!] },
        lastEventId: { S: values[':eventId'].S },
      };
      this.items.set(key, updated);
      return { json: body.ReturnValues === 'ALL_NEW' ? { Attributes: updated } : {} };
    }
    if (body.ConditionExpression === 'attribute_not_exists(windowStart) OR windowStart <= :cutoff'
      && body.UpdateExpression === 'SET failures = :one, windowStart = :now, expiresAt = :expiresAt, eventIds = :eventIds, lastEventId = :eventId') {
      if (old?.windowStart && Number(old.windowStart.N) > n(':cutoff')) return conditionFailed();
      this.items.set(key, {
        userName: { S: key },
        failures: values[':one'],
        windowStart: values[':now'],
        expiresAt: values[':expiresAt'],
        eventIds: values[':eventIds'],
        lastEventId: values[':eventId'],
      });
      return { json: {} };
    }
    return jsonError('ValidationException', `unexpected update ${String(body.UpdateExpression)} / ${String(body.ConditionExpression)}`);
  }
}

const SETTINGS: LockoutSettings = {
  tableName: 'lockout',
  topicArn: 'arn:aws:sns:eu-west-1:111111111111:security-alerts',
  maxFailures: 3,
  windowSeconds: 900,
  action: 'deny-all-policy',
  denyPolicyArn: 'arn:aws:iam::111111111111:policy/DppLockedOutDenyAll',
};

const T0 = Date.parse('2024-05-01T10:00:00Z');

let sequence = 0;
function failure(userName: string, secondsAfterT0: number, eventID = `event-${++sequence}`): SignInEvent {
  return {
    id: `eb-${eventID}`,
    time: new Date(T0 + secondsAfterT0 * 1000).toISOString(),
    detail: {
      eventID,
      eventName: 'ConsoleLogin',
      eventTime: new Date(T0 + secondsAfterT0 * 1000).toISOString(),
      sourceIPAddress: '198.51.100.7',
      recipientAccountId: '111111111111',
      userIdentity: { type: 'IAMUser', userName },
      responseElements: { ConsoleLogin: 'Failure' },
    },
  };
}

describe('account-lockout handler', () => {
  let endpoint: FakeAwsEndpoint;
  let clients: LockoutClients;
  let table: FakeLockoutTable;
  /** IAM users of the fake account: attached policies and tags. */
  let users: Map<string, { policies: Set<string>; tags: Record<string, string>; loginProfile: boolean }>;
  let iamFault: ((request: FakeRequest) => FakeReply | undefined) | undefined;

  const iam = (request: FakeRequest): FakeReply => {
    const fault = iamFault?.(request);
    if (fault) return fault;
    const user = users.get(request.params.UserName);
    if (!user) return queryError(IAM_NAMESPACE, 'NoSuchEntity', `The user with name ${request.params.UserName} cannot be found.`, 404);
    switch (request.action) {
      case 'AttachUserPolicy':
        user.policies.add(request.params.PolicyArn);
        return queryResult(IAM_NAMESPACE, request.action);
      case 'DeleteLoginProfile':
        if (!user.loginProfile) return queryError(IAM_NAMESPACE, 'NoSuchEntity', 'Login Profile cannot be found.', 404);
        user.loginProfile = false;
        return queryResult(IAM_NAMESPACE, request.action);
      case 'TagUser':
        user.tags[request.params['Tags.member.1.Key']] = request.params['Tags.member.1.Value'];
        return queryResult(IAM_NAMESPACE, request.action);
      default:
        return queryError(IAM_NAMESPACE, 'InvalidAction', `unexpected ${request.action}`);
    }
  };

  const account = (request: FakeRequest): FakeReply => {
    if (request.service === 'dynamodb') return request.action === 'UpdateItem' ? table.updateItem(request.json) : jsonError('UnknownOperationException', request.action);
    if (request.service === 'sns') return queryResult(SNS_NAMESPACE, 'Publish', '<MessageId>msg-1</MessageId>');
    return iam(request);
  };

  beforeAll(async () => {
    endpoint = await FakeAwsEndpoint.start(account);
    const config = clientConfig(endpoint.url);
    clients = { iam: new IAMClient(config), dynamodb: new DynamoDBClient(config), sns: new SNSClient(config) };
  });
  afterAll(async () => {
    clients.iam.destroy();
    clients.dynamodb.destroy();
    clients.sns.destroy();
    await endpoint.close();
  });
  beforeEach(() => {
    endpoint.requests.length = 0;
    table = new FakeLockoutTable();
    users = new Map([
      ['alice', { policies: new Set(), tags: {}, loginProfile: true }],
      ['bob', { policies: new Set(), tags: {}, loginProfile: true }],
    ]);
    iamFault = undefined;
  });

  test('counts failures of every region from a subscription on the multi-region trail\'s log group: locks once, notifies once', async () => {
    // What CloudWatch Logs delivers to Lambda: base64 of gzipped JSON whose log events are CloudTrail records.
    // Source: https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/SubscriptionFilters.html#LambdaFunctionExample
    const batch = (records: unknown[], extraLines: string[] = []) => ({
      awslogs: { data: gzipSync(JSON.stringify({ messageType: 'DATA_MESSAGE', logGroup: 'trail',
        logEvents: [...records.map((r) => JSON.stringify(r)), ...extraLines].map((message, i) => ({ id: `log-${i}`, timestamp: T0, message })) })).toString('base64') },
    });
    // Console sign-ins through regional endpoints are logged in the region signed into.
    const inRegion = (seconds: number, awsRegion: string) => ({ ...failure('alice', seconds).detail, awsRegion });
    const records = [inRegion(0, 'us-east-1'), inRegion(10, 'eu-west-1'), inRegion(20, 'ap-southeast-2')];
    const events = signInEventsOf(batch(records, ['not a CloudTrail record']));
    expect(events.map((e) => e.detail?.eventID)).toEqual(records.map((r) => r.eventID));

    const outcomes = [];
    for (const event of events) outcomes.push(await onSignInFailure(event, clients, SETTINGS));
    expect(outcomes.map((o) => o.kind)).toEqual(['counted', 'counted', 'locked']);
    expect(endpoint.calls('AttachUserPolicy')).toHaveLength(1);
    expect(users.get('alice')!.policies).toEqual(new Set([SETTINGS.denyPolicyArn]));
    expect(endpoint.calls('Publish')).toHaveLength(1);
    expect(signInEventsOf({ awslogs: { data: gzipSync(JSON.stringify({ messageType: 'CONTROL_MESSAGE', logEvents: [{ id: 'c', message: 'CWL CONTROL MESSAGE' }] })).toString('base64') } })).toEqual([]);
  });

  test('counts failures per user within the window, without locking below the threshold', async () => {
    await expect(onSignInFailure(failure('alice', 0), clients, SETTINGS)).resolves.toEqual({ kind: 'counted', userName: 'alice', failures: 1 });
    await expect(onSignInFailure(failure('alice', 60), clients, SETTINGS)).resolves.toEqual({ kind: 'counted', userName: 'alice', failures: 2 });
    await expect(onSignInFailure(failure('bob', 61), clients, SETTINGS)).resolves.toEqual({ kind: 'counted', userName: 'bob', failures: 1 });

    const item = table.items.get('alice')!;
    expect(item).toMatchObject({ failures: { N: '2' }, windowStart: { N: String(T0 / 1000) }, expiresAt: { N: String(T0 / 1000 + 900) } });
    expect(endpoint.calls('AttachUserPolicy')).toEqual([]);
    expect(endpoint.calls('Publish')).toEqual([]);
  });

  test('locks the user at the threshold: deny-all policy, dpp:locked tag, one notification', async () => {
    await onSignInFailure(failure('alice', 0), clients, SETTINGS);
    await onSignInFailure(failure('alice', 100), clients, SETTINGS);
    const outcome = await onSignInFailure(failure('alice', 200), clients, SETTINGS);

    expect(outcome).toEqual({ kind: 'locked', userName: 'alice', failures: 3, notified: true });
    expect([...users.get('alice')!.policies]).toEqual([SETTINGS.denyPolicyArn]);
    expect(users.get('alice')!.tags['dpp:locked']).toBe('2024-05-01T10:03:20.000Z');
    expect(users.get('alice')!.loginProfile).toBe(true);
    const [publish, ...more] = endpoint.calls('Publish');
    expect(more).toEqual([]);
    expect(publish.params).toMatchObject({ TopicArn: SETTINGS.topicArn, Subject: 'DPP account lockout: alice' });
    expect(publish.params.Message).toContain('after 3 failed console sign-ins within 15 minutes');
    expect(publish.params.Message).toContain(`aws iam detach-user-policy --user-name alice --policy-arn ${SETTINGS.denyPolicyArn}`);
    expect(publish.params.Message).toContain('aws iam untag-user --user-name alice --tag-keys dpp:locked');
    expect(users.get('bob')!.policies.size).toBe(0);
  });

  test('failures outside the window start a new window', async () => {
    await onSignInFailure(failure('alice', 0), clients, SETTINGS);
    await onSignInFailure(failure('alice', 100), clients, SETTINGS);
    // 900 s after the window opened: it has closed.
    await expect(onSignInFailure(failure('alice', 900), clients, SETTINGS)).resolves.toEqual({ kind: 'counted', userName: 'alice', failures: 1 });
    expect(table.items.get('alice')!.windowStart).toEqual({ N: String(T0 / 1000 + 900) });
    expect(endpoint.calls('AttachUserPolicy')).toEqual([]);
  });

  test('a redelivered event is not counted twice', async () => {
    const first = failure('alice', 0, 'same-event');
    await onSignInFailure(first, clients, SETTINGS);
    await onSignInFailure(failure('alice', 10), clients, SETTINGS);
    await expect(onSignInFailure(first, clients, SETTINGS)).resolves.toEqual({ kind: 'counted', userName: 'alice', failures: 2 });
    expect(table.items.get('alice')!.failures).toEqual({ N: '2' });
  });

  test('a retry after a failed lock locks and notifies; later attempts re-apply the lock without notifying', async () => {
    await onSignInFailure(failure('alice', 0), clients, SETTINGS);
    await onSignInFailure(failure('alice', 1), clients, SETTINGS);
    const third = failure('alice', 2);
    iamFault = (r) => (r.action === 'AttachUserPolicy' ? queryError(IAM_NAMESPACE, 'ServiceFailure', 'internal error', 500) : undefined);
    await expect(onSignInFailure(third, clients, SETTINGS)).rejects.toThrow('could not lock IAM user alice: ServiceFailureException: internal error');
    expect(endpoint.calls('Publish')).toEqual([]);

    iamFault = undefined;
    await expect(onSignInFailure(third, clients, SETTINGS)).resolves.toEqual({ kind: 'locked', userName: 'alice', failures: 3, notified: true });
    await expect(onSignInFailure(failure('alice', 3), clients, SETTINGS)).resolves.toEqual({ kind: 'locked', userName: 'alice', failures: 3, notified: false });
    expect(endpoint.calls('Publish')).toHaveLength(1);
    expect(endpoint.calls('AttachUserPolicy').length).toBeGreaterThanOrEqual(3);
    expect(table.items.get('alice')!.failures).toEqual({ N: '3' });
  });

  test('remove-login-profile deletes the console password, and tolerates one already removed', async () => {
    const settings: LockoutSettings = { ...SETTINGS, action: 'remove-login-profile', denyPolicyArn: undefined, maxFailures: 1 };
    await expect(onSignInFailure(failure('alice', 0), clients, settings)).resolves.toMatchObject({ kind: 'locked', notified: true });
    expect(users.get('alice')!.loginProfile).toBe(false);
    expect(users.get('alice')!.policies.size).toBe(0);
    expect(users.get('alice')!.tags['dpp:locked']).toBeDefined();
    expect(endpoint.calls('Publish')[0].params.Message).toContain('aws iam create-login-profile --user-name alice --password-reset-required');

    await expect(onSignInFailure(failure('alice', 1), clients, settings)).resolves.toMatchObject({ kind: 'locked', notified: false });
  });

  test('a user deleted in the meantime is ignored, not an error', async () => {
    const settings = { ...SETTINGS, maxFailures: 1 };
    await expect(onSignInFailure(failure('carol', 0), clients, settings)).resolves.toEqual({ kind: 'ignored', reason: 'IAM user carol no longer exists' });
    expect(endpoint.calls('Publish')).toEqual([]);
  });

  test('a DynamoDB failure fails the invocation (EventBridge retries it)', async () => {
    endpoint.respondWith((request) => (request.service === 'dynamodb' ? jsonError('ResourceNotFoundException', 'Requested resource not found') : iam(request)));
    try {
      await expect(onSignInFailure(failure('alice', 0), clients, SETTINGS)).rejects.toThrow('Requested resource not found');
    } finally {
      endpoint.respondWith(account);
    }
  });

  test.each([
    ['a successful sign-in', { responseElements: { ConsoleLogin: 'Success' } }, 'not a failed sign-in'],
    ['root', { userIdentity: { type: 'Root' } }, 'not an IAM user (Root)'],
    ['an unknown user name', { userIdentity: { type: 'IAMUser', userName: 'HIDDEN_DUE_TO_SECURITY_REASONS' } }, 'no such IAM user'],
    ['another event', { eventName: 'GetSigninToken' }, 'not a ConsoleLogin event'],
  ])('ignores %s', async (_, change, reason) => {
    const base = failure('alice', 0);
    const event = { ...base, detail: { ...base.detail, ...change } } as SignInEvent;
    await expect(onSignInFailure(event, clients, SETTINGS)).resolves.toEqual({ kind: 'ignored', reason });
    expect(endpoint.requests).toEqual([]);
  });

  test('reads the event of a failed sign-in', () => {
    expect(failedSignInOf(failure('alice', 5, 'e1'))).toEqual({ userName: 'alice', eventId: 'e1', at: new Date(T0 + 5000), sourceIp: '198.51.100.7' });
  });

  test('settings come from the environment, with clear errors', () => {
    const env = { TABLE_NAME: 't', TOPIC_ARN: 'arn', MAX_FAILURES: '5', WINDOW_SECONDS: '900', LOCKOUT_ACTION: 'deny-all-policy', DENY_POLICY_ARN: 'p' };
    expect(settingsFromEnvironment(env)).toEqual({ tableName: 't', topicArn: 'arn', maxFailures: 5, windowSeconds: 900, action: 'deny-all-policy', denyPolicyArn: 'p' });
    expect(() => settingsFromEnvironment({ ...env, MAX_FAILURES: '0' })).toThrow('environment variable MAX_FAILURES must be a positive integer, got "0"');
    expect(() => settingsFromEnvironment({ ...env, LOCKOUT_ACTION: 'disable' })).toThrow(/LOCKOUT_ACTION must be deny-all-policy or remove-login-profile/);
    expect(() => settingsFromEnvironment({ ...env, DENY_POLICY_ARN: undefined })).toThrow('environment variable DENY_POLICY_ARN is not set');
  });
});

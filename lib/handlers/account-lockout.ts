/**
 * Lambda handler of the account lockout (DPP 2.2 Access Management: lock accounts after
 * anomalous log-in attempts).
 *
 * It receives the CloudTrail `ConsoleLogin` failures of IAM users, either from EventBridge (one
 * event, sign-ins of the function's region) or from a CloudWatch Logs subscription filter on a
 * multi-region trail's log group (a gzipped batch of CloudTrail records of every region), counts them
 * per user in a DynamoDB table (one item per user: the window's start, an atomic counter, the IDs
 * of the events already counted and a TTL), and once a user reaches the threshold within the
 * window it locks the user (attaches the deny-all managed policy, or deletes the console
 * password), tags the user `dpp:locked` and notifies the security topic.
 *
 * Idempotent: EventBridge may deliver an event more than once, and a failed invocation is
 * retried; an event already counted is not counted again, and every lock action is a no-op
 * when repeated.
 */
import { gunzipSync } from 'node:zlib';
import { ConditionalCheckFailedException, DynamoDBClient, UpdateItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { AttachUserPolicyCommand, DeleteLoginProfileCommand, IAMClient, TagUserCommand } from '@aws-sdk/client-iam';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';

import { LOCKED_TAG } from './lockout-tag';

export { LOCKED_TAG };

/** How a user is locked. */
export type LockoutAction = 'deny-all-policy' | 'remove-login-profile';

/** The handler's settings (from the function's environment). */
export interface LockoutSettings {
  readonly tableName: string;
  readonly topicArn: string;
  /** Failures within the window that lock the user. */
  readonly maxFailures: number;
  readonly windowSeconds: number;
  readonly action: LockoutAction;
  /** The deny-all managed policy attached by `deny-all-policy`. */
  readonly denyPolicyArn?: string;
}

/** The AWS clients the handler uses. */
export interface LockoutClients {
  readonly iam: IAMClient;
  readonly dynamodb: DynamoDBClient;
  readonly sns: SNSClient;
}

/** The part of an EventBridge "AWS Console Sign In via CloudTrail" event the handler reads. */
export interface SignInEvent {
  readonly id?: string;
  readonly time?: string;
  readonly detail?: {
    readonly eventID?: string;
    readonly eventTime?: string;
    readonly eventName?: string;
    readonly sourceIPAddress?: string;
    readonly recipientAccountId?: string;
    readonly userIdentity?: { readonly type?: string; readonly userName?: string; readonly arn?: string };
    readonly responseElements?: { readonly ConsoleLogin?: string } | null;
  };
}

/** What the handler did with one event. */
export type LockoutOutcome =
  | { readonly kind: 'ignored'; readonly reason: string }
  | { readonly kind: 'counted'; readonly userName: string; readonly failures: number }
  | { readonly kind: 'locked'; readonly userName: string; readonly failures: number; readonly notified: boolean };

/** CloudTrail's user name for a sign-in attempt with a name that is not an IAM user of the account. */
const HIDDEN_USER = 'HIDDEN_DUE_TO_SECURITY_REASONS';

/** A failed sign-in of an IAM user, or why the event is not one. */
export function failedSignInOf(event: SignInEvent): { userName: string; eventId: string; at: Date; sourceIp?: string } | { ignore: string } {
  const detail = event.detail;
  if (!detail || detail.eventName !== 'ConsoleLogin') return { ignore: 'not a ConsoleLogin event' };
  if (detail.responseElements?.ConsoleLogin !== 'Failure') return { ignore: 'not a failed sign-in' };
  // Root cannot be locked by IAM (the root-use alarm covers it); other identities are not IAM users.
  if (detail.userIdentity?.type !== 'IAMUser') return { ignore: `not an IAM user (${detail.userIdentity?.type ?? 'unknown'})` };
  const userName = detail.userIdentity.userName;
  if (!userName || userName === HIDDEN_USER) return { ignore: 'no such IAM user' };
  const eventId = detail.eventID ?? event.id;
  if (!eventId) return { ignore: 'the event has no ID' };
  const at = new Date(detail.eventTime ?? event.time ?? Date.now());
  if (Number.isNaN(at.getTime())) return { ignore: 'the event has no valid time' };
  return { userName, eventId, at, sourceIp: detail.sourceIPAddress };
}

type Item = Record<string, AttributeValue>;

const num = (n: number): AttributeValue => ({ N: String(n) });

/** The count of an item as DynamoDB returned it (0 when absent). */
function failuresOf(item: Item | undefined): number {
  return Number(item?.failures?.N ?? 0);
}

/** The count after one event, and whether this event is the one that reached the threshold. */
export interface FailureCount {
  readonly failures: number;
  /** The event had been counted before (a redelivery or a retried invocation). */
  readonly duplicate: boolean;
  /** This event (first delivery or not) is the failure that reached the threshold. */
  readonly reachedThreshold: boolean;
}

/**
 * Counts one failure in the user's current window, atomically. The window starts at the first
 * failure and lasts `windowSeconds`; the item expires (TTL) when it ends. Counting stops at the
 * threshold, and the item remembers the event that reached it, so a redelivery of that event
 * (e.g. after a failed lock) notifies again while later attempts do not.
 */
export async function countFailure(
  dynamodb: DynamoDBClient,
  settings: Pick<LockoutSettings, 'tableName' | 'windowSeconds' | 'maxFailures'>,
  userName: string,
  eventId: string,
  at: Date,
): Promise<FailureCount> {
  const now = Math.floor(at.getTime() / 1000);
  const key = { userName: { S: userName } };
  const reached = (failures: number, lastEventId: string | undefined): boolean => failures >= settings.maxFailures && lastEventId === eventId;
  // The loop repeats only if another invocation opened or closed the window in between.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const { Attributes } = await dynamodb.send(new UpdateItemCommand({
        TableName: settings.tableName,
        Key: key,
        UpdateExpression: 'ADD failures :one, eventIds :eventIds SET lastEventId = :eventId',
        ConditionExpression: 'windowStart > :cutoff AND failures < :max AND NOT contains(eventIds, :eventId)',
        ExpressionAttributeValues: {
          ':one': num(1),
          ':eventIds': { SS: [eventId] },
          ':eventId': { S: eventId },
          ':cutoff': num(now - settings.windowSeconds),
          ':max': num(settings.maxFailures),
        },
        ReturnValues: 'ALL_NEW',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }));
      const failures = failuresOf(Attributes);
      return { failures, duplicate: false, reachedThreshold: reached(failures, eventId) };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const old = error.Item;
      const windowOpen = old?.windowStart?.N !== undefined && Number(old.windowStart.N) > now - settings.windowSeconds;
      if (windowOpen) {
        // Counted before, or the threshold is already reached: the count stays as it is.
        const failures = failuresOf(old);
        return { failures, duplicate: old?.eventIds?.SS?.includes(eventId) ?? false, reachedThreshold: reached(failures, old?.lastEventId?.S) };
      }
    }
    try {
      await dynamodb.send(new UpdateItemCommand({
        TableName: settings.tableName,
        Key: key,
        UpdateExpression: 'SET failures = :one, windowStart = :now, expiresAt = :expiresAt, eventIds = :eventIds, lastEventId = :eventId',
        ConditionExpression: 'attribute_not_exists(windowStart) OR windowStart <= :cutoff',
        ExpressionAttributeValues: {
          ':one': num(1),
          ':now': num(now),
          ':expiresAt': num(now + settings.windowSeconds),
          ':eventIds': { SS: [eventId] },
          ':eventId': { S: eventId },
          ':cutoff': num(now - settings.windowSeconds),
        },
      }));
      return { failures: 1, duplicate: false, reachedThreshold: reached(1, eventId) };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
  throw new Error(`could not count the failed sign-in of ${userName}: the counter kept changing`);
}

/** Locks the user: both actions and the tag are no-ops when repeated. Returns false if the user no longer exists. */
export async function lockUser(iam: IAMClient, settings: Pick<LockoutSettings, 'action' | 'denyPolicyArn'>, userName: string, at: Date): Promise<boolean> {
  try {
    if (settings.action === 'deny-all-policy') {
      if (!settings.denyPolicyArn) throw new Error('the deny-all policy ARN is not configured (DENY_POLICY_ARN)');
      await iam.send(new AttachUserPolicyCommand({ UserName: userName, PolicyArn: settings.denyPolicyArn }));
    } else {
      try {
        await iam.send(new DeleteLoginProfileCommand({ UserName: userName }));
      } catch (error) {
        // No login profile: console access is already removed, but the user may still exist.
        if ((error as { name?: string }).name !== 'NoSuchEntityException') throw error;
      }
    }
    await iam.send(new TagUserCommand({ UserName: userName, Tags: [{ Key: LOCKED_TAG, Value: at.toISOString() }] }));
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchEntityException') return false;
    const err = error as { name?: string; message?: string };
    throw new Error(`could not lock IAM user ${userName}: ${err.name ?? 'Error'}: ${err.message ?? String(error)}`);
  }
}

/** The notification text: who, why, and how an administrator unlocks. */
export function lockoutMessage(settings: Pick<LockoutSettings, 'action' | 'denyPolicyArn' | 'maxFailures' | 'windowSeconds'>, userName: string, failures: number, at: Date, sourceIp?: string): string {
  const unlock = settings.action === 'deny-all-policy'
    ? `aws iam detach-user-policy --user-name ${userName} --policy-arn ${settings.denyPolicyArn}`
    : `aws iam create-login-profile --user-name ${userName} --password-reset-required --password <temporary password>`;
  return [
    `IAM user ${userName} was locked at ${at.toISOString()} after ${failures} failed console sign-ins within ${Math.round(settings.windowSeconds / 60)} minutes (threshold ${settings.maxFailures}).`,
    sourceIp ? `Last attempt from ${sourceIp}.` : undefined,
    `Action taken: ${settings.action === 'deny-all-policy' ? `attached ${settings.denyPolicyArn}` : 'deleted the console password (login profile)'}; tagged ${LOCKED_TAG}.`,
    'Investigate as a possible security incident (DPP 2.7 Incident Response) before unlocking.',
    `To unlock, after confirming the person's identity: ${unlock} && aws iam untag-user --user-name ${userName} --tag-keys ${LOCKED_TAG}`,
  ].filter(Boolean).join('\n');
}

/** What a CloudWatch Logs subscription filter delivers to Lambda: a base64, gzipped {@link LogsBatch}. */
export interface LogsSubscriptionEvent {
  readonly awslogs: { readonly data: string };
}

/**
 * The decoded payload of a subscription delivery; each log event of a trail's log group is one
 * CloudTrail record as JSON. `CONTROL_MESSAGE` batches only check that the destination is reachable.
 * Source: https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/SubscriptionFilters.html#LambdaFunctionExample
 */
interface LogsBatch {
  readonly messageType?: string;
  readonly logEvents?: readonly { readonly id?: string; readonly message?: string }[];
}

/**
 * The sign-in events in a Lambda input: the EventBridge event itself, or each CloudTrail record of a
 * subscription delivery wrapped as an event's `detail` (the same fields: EventBridge puts the
 * CloudTrail record in `detail`). Records that are not JSON are skipped: the filter only lets
 * failed `ConsoleLogin` records through, and one bad line must not block the others.
 */
export function signInEventsOf(input: SignInEvent | LogsSubscriptionEvent): SignInEvent[] {
  if (!('awslogs' in input)) return [input];
  const batch = JSON.parse(gunzipSync(Buffer.from(input.awslogs.data, 'base64')).toString('utf8')) as LogsBatch;
  if (batch.messageType === 'CONTROL_MESSAGE') return [];
  return (batch.logEvents ?? []).flatMap((logEvent): SignInEvent[] => {
    try {
      return [{ id: logEvent.id, detail: JSON.parse(logEvent.message ?? '') as SignInEvent['detail'] }];
    } catch {
      console.warn(`skipped log event ${logEvent.id ?? '(no id)'}: not a CloudTrail record`);
      return [];
    }
  });
}

/** Handles one EventBridge event. */
export async function onSignInFailure(event: SignInEvent, clients: LockoutClients, settings: LockoutSettings): Promise<LockoutOutcome> {
  const failure = failedSignInOf(event);
  if ('ignore' in failure) return { kind: 'ignored', reason: failure.ignore };
  const { userName, eventId, at, sourceIp } = failure;
  const { failures, reachedThreshold } = await countFailure(clients.dynamodb, settings, userName, eventId, at);
  if (failures < settings.maxFailures) return { kind: 'counted', userName, failures };

  // Every attempt past the threshold re-applies the lock (a no-op when it holds), so a lock an
  // administrator lifted too early, or one that failed half-way, is put back.
  if (!(await lockUser(clients.iam, settings, userName, at))) return { kind: 'ignored', reason: `IAM user ${userName} no longer exists` };
  // Notify for the failure that reached the threshold, not for every later attempt.
  const notify = reachedThreshold;
  if (notify) {
    await clients.sns.send(new PublishCommand({
      TopicArn: settings.topicArn,
      Subject: `DPP account lockout: ${userName}`.slice(0, 100),
      Message: lockoutMessage(settings, userName, failures, at, sourceIp),
    }));
  }
  return { kind: 'locked', userName, failures, notified: notify };
}

/** Reads the handler's settings from the function's environment, failing clearly on a missing or bad value. */
export function settingsFromEnvironment(env: Readonly<Record<string, string | undefined>>): LockoutSettings {
  const required = (name: string): string => {
    const value = env[name];
    if (!value) throw new Error(`environment variable ${name} is not set`);
    return value;
  };
  const positive = (name: string): number => {
    const value = Number(required(name));
    if (!Number.isInteger(value) || value < 1) throw new Error(`environment variable ${name} must be a positive integer, got ${JSON.stringify(env[name])}`);
    return value;
  };
  const action = required('LOCKOUT_ACTION');
  if (action !== 'deny-all-policy' && action !== 'remove-login-profile') throw new Error(`environment variable LOCKOUT_ACTION must be deny-all-policy or remove-login-profile, got ${JSON.stringify(action)}`);
  return {
    tableName: required('TABLE_NAME'),
    topicArn: required('TOPIC_ARN'),
    maxFailures: positive('MAX_FAILURES'),
    windowSeconds: positive('WINDOW_SECONDS'),
    action,
    denyPolicyArn: action === 'deny-all-policy' ? required('DENY_POLICY_ARN') : env.DENY_POLICY_ARN,
  };
}

let clients: LockoutClients | undefined;

/**
 * The Lambda entry point: each sign-in event in turn (in order, so one user's failures are counted
 * one after the other). A failure fails the invocation, and Lambda's retry re-counts nothing
 * already counted.
 */
export async function handler(input: SignInEvent | LogsSubscriptionEvent): Promise<LockoutOutcome[]> {
  clients ??= { iam: new IAMClient({}), dynamodb: new DynamoDBClient({}), sns: new SNSClient({}) };
  const settings = settingsFromEnvironment(process.env);
  const outcomes: LockoutOutcome[] = [];
  for (const event of signInEventsOf(input)) {
    const outcome = await onSignInFailure(event, clients, settings);
    console.log(JSON.stringify(outcome));
    outcomes.push(outcome);
  }
  return outcomes;
}

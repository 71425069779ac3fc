/**
 * Lambda handler of the `Custom::DppCanaryRecord` resource (DPP 3.6 Logging and Monitoring:
 * investigative alarms on access to canary data records), called by the CDK `Provider` framework,
 * which answers CloudFormation on every path (a thrown error becomes a FAILED response).
 *
 * It seeds one canary record into a PII store: an S3 object or a DynamoDB item whose key starts
 * with `dpp-canary`, holding no data, that the application never reads. Create and update write
 * it; delete removes it (a store already gone is not an error). A daily `Reseed` event writes it
 * again, because the bucket's retention expiry (DPP 3.1) would otherwise delete it after 30 days.
 * The seeder's own writes are left out of the canary alarm by its role; any other data event on
 * the record raises the alarm.
 */
import { DeleteItemCommand, DynamoDBClient, PutItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { DeleteObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

import { CANARY_KEY_PREFIX } from './canary-key';

export { CANARY_KEY_PREFIX };

/** The custom resource event as the Provider framework passes it, plus the scheduled `Reseed`. */
export interface CanaryEvent {
  readonly RequestType: 'Create' | 'Update' | 'Delete' | 'Reseed';
  readonly ResourceProperties: Readonly<Record<string, unknown>>;
  readonly PhysicalResourceId?: string;
}

export interface CanaryResponse {
  readonly PhysicalResourceId: string;
  readonly Data?: Readonly<Record<string, string>>;
}

/** Where one canary lives. */
export type CanaryTarget =
  | { readonly store: 's3'; readonly bucketName: string; readonly key: string }
  | { readonly store: 'dynamodb'; readonly tableName: string; readonly partitionKey: string; readonly sortKey?: string; readonly key: string };

/** What the record says to whoever opens it: no data, and why touching it is an incident. */
export const CANARY_NOTE = 'DPP canary record: it holds no data and no application reads it. Reading or changing it raises a security alarm (DPP 3.6).';

function text(properties: Readonly<Record<string, unknown>>, name: string, optional = false): string | undefined {
  const value = properties[name];
  if (value === undefined && optional) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw new Error(`${name} must be a non-empty string, got ${JSON.stringify(value)}`);
  return value;
}

/** The canary target from the resource properties; a key outside the `dpp-canary` prefix is refused. */
export function targetFromProperties(properties: Readonly<Record<string, unknown>>): CanaryTarget {
  const key = text(properties, 'Key')!;
  if (!key.startsWith(CANARY_KEY_PREFIX)) throw new Error(`Key must start with ${CANARY_KEY_PREFIX}, got ${JSON.stringify(key)}`);
  switch (properties.Store) {
    case 's3': return { store: 's3', bucketName: text(properties, 'BucketName')!, key };
    case 'dynamodb': return { store: 'dynamodb', tableName: text(properties, 'TableName')!, partitionKey: text(properties, 'PartitionKey')!, sortKey: text(properties, 'SortKey', true), key };
    default: throw new Error(`Store must be "s3" or "dynamodb", got ${JSON.stringify(properties.Store)}`);
  }
}

/** The physical ID: which record in which store, so a change of store or key replaces the resource. */
export function physicalIdOf(target: CanaryTarget): string {
  return target.store === 's3' ? `dpp-canary/s3/${target.bucketName}/${target.key}` : `dpp-canary/dynamodb/${target.tableName}/${target.key}`;
}

/** The SDK clients the handler uses (tests point them at a local endpoint). */
export interface CanaryClients {
  readonly s3: S3Client;
  readonly dynamodb: DynamoDBClient;
}

function itemKey(target: Extract<CanaryTarget, { store: 'dynamodb' }>): Record<string, AttributeValue> {
  return { [target.partitionKey]: { S: target.key }, ...(target.sortKey ? { [target.sortKey]: { S: CANARY_KEY_PREFIX } } : {}) };
}

/** Writes the canary record. No expiry attribute: it must outlive the table's TTL sweep; it holds no PII. */
export async function seed(clients: CanaryClients, target: CanaryTarget): Promise<void> {
  if (target.store === 's3') {
    await clients.s3.send(new PutObjectCommand({ Bucket: target.bucketName, Key: target.key, Body: JSON.stringify({ note: CANARY_NOTE }), ContentType: 'application/json' }));
  } else {
    await clients.dynamodb.send(new PutItemCommand({ TableName: target.tableName, Item: { ...itemKey(target), note: { S: CANARY_NOTE } } }));
  }
}

const GONE = new Set(['NoSuchBucket', 'ResourceNotFoundException']);

/** Removes the canary record; a store that is already gone (deleted with the stack first) is fine. */
export async function remove(clients: CanaryClients, target: CanaryTarget): Promise<void> {
  try {
    if (target.store === 's3') await clients.s3.send(new DeleteObjectCommand({ Bucket: target.bucketName, Key: target.key }));
    else await clients.dynamodb.send(new DeleteItemCommand({ TableName: target.tableName, Key: itemKey(target) }));
  } catch (error) {
    if (!GONE.has((error as { name?: string }).name ?? '')) throw error;
  }
}

/** Handles one event with the given clients. */
export async function onEvent(clients: CanaryClients, event: CanaryEvent): Promise<CanaryResponse> {
  switch (event.RequestType) {
    case 'Create':
    case 'Update':
    case 'Reseed': {
      const target = targetFromProperties(event.ResourceProperties);
      await seed(clients, target);
      // A new physical ID on update (another store or key) makes CloudFormation delete the old record.
      return { PhysicalResourceId: physicalIdOf(target), Data: { Key: target.key } };
    }
    case 'Delete': {
      const physicalId = event.PhysicalResourceId ?? '';
      // A create that failed before seeding has no record to remove.
      if (!physicalId.startsWith(`${CANARY_KEY_PREFIX}/`)) return { PhysicalResourceId: physicalId };
      await remove(clients, targetFromProperties(event.ResourceProperties));
      return { PhysicalResourceId: physicalId };
    }
    default:
      throw new Error(`Unknown RequestType ${JSON.stringify((event as { RequestType?: unknown }).RequestType)}`);
  }
}

let clients: CanaryClients | undefined;

/** The Lambda entry point. */
export async function handler(event: CanaryEvent): Promise<CanaryResponse> {
  clients ??= { s3: new S3Client({}), dynamodb: new DynamoDBClient({}) };
  return onEvent(clients, event);
}

import { DPP } from '../../policy/profile';
import { readPath } from '../context';
import type { TemplateIndex } from '../template-index';
import { asBoolean } from '../values';
import { kmsKeyOf } from './kms-key';
import { rawAt, renderString } from './template-string';

/**
 * How an Information store is encrypted at rest, as a fact for reports (the record of
 * processing, DPP 3.2 Data Governance) rather than a verdict: the DPP 3.4 Encryption at Rest
 * rules decide what is compliant. One table says, per resource type, where the template declares
 * encryption and its key, and what the service does when nothing is declared.
 */
export interface StoreEncryption {
  /**
   * `encrypted` (declared), `not-encrypted`, `service-default` (nothing declared, and the service
   * encrypts anyway with a key it owns or manages), `inherited` (an RDS instance of a cluster),
   * `unresolvable` (an intrinsic decides), `unknown` (not an Information store type).
   */
  readonly status: 'encrypted' | 'not-encrypted' | 'service-default' | 'inherited' | 'unresolvable' | 'unknown';
  /** The key: `customer-managed DataKey`, `AWS-managed alias/aws/s3`, `AWS-owned` … when known. */
  readonly key?: string;
}

interface Spec {
  /** A boolean property that turns encryption on (`StorageEncrypted`). */
  readonly flag?: string;
  /** Otherwise, a property whose presence (an algorithm or a key) means encrypted. */
  readonly marker?: string;
  /** The property naming the KMS key. */
  readonly key: string;
  /** The key used when encryption is on and no key is named. */
  readonly defaultKey: string;
  /** What the service does when the template declares nothing (or turns the flag off). */
  readonly otherwise: StoreEncryption;
}

const NOT_ENCRYPTED: StoreEncryption = { status: 'not-encrypted' };
const RDS: Spec = { flag: 'StorageEncrypted', key: 'KmsKeyId', defaultKey: 'AWS-managed alias/aws/rds', otherwise: NOT_ENCRYPTED };
const OPENSEARCH: Spec = { flag: 'EncryptionAtRestOptions.Enabled', key: 'EncryptionAtRestOptions.KmsKeyId', defaultKey: 'AWS-managed alias/aws/es', otherwise: NOT_ENCRYPTED };

const SPECS: Readonly<Record<string, Spec>> = {
  'AWS::S3::Bucket': {
    marker: 'BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault.SSEAlgorithm',
    key: 'BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault.KMSMasterKeyID',
    defaultKey: 'S3-managed (SSE-S3)',
    otherwise: { status: 'service-default', key: 'S3-managed (SSE-S3)' },
  },
  'AWS::RDS::DBInstance': RDS,
  'AWS::RDS::DBCluster': RDS,
  'AWS::DocDB::DBCluster': RDS,
  'AWS::Neptune::DBCluster': RDS,
  'AWS::DynamoDB::Table': { flag: 'SSESpecification.SSEEnabled', key: 'SSESpecification.KMSMasterKeyId', defaultKey: 'AWS-managed alias/aws/dynamodb', otherwise: { status: 'service-default', key: 'AWS-owned' } },
  'AWS::DynamoDB::GlobalTable': { flag: 'SSESpecification.SSEEnabled', key: 'Replicas.0.SSESpecification.KMSMasterKeyId', defaultKey: 'AWS-managed alias/aws/dynamodb', otherwise: { status: 'service-default', key: 'AWS-owned' } },
  'AWS::EFS::FileSystem': { flag: 'Encrypted', key: 'KmsKeyId', defaultKey: 'AWS-managed alias/aws/elasticfilesystem', otherwise: NOT_ENCRYPTED },
  'AWS::ElastiCache::ReplicationGroup': { flag: 'AtRestEncryptionEnabled', key: 'KmsKeyId', defaultKey: 'AWS-managed', otherwise: NOT_ENCRYPTED },
  'AWS::OpenSearchService::Domain': OPENSEARCH,
  'AWS::Elasticsearch::Domain': OPENSEARCH,
  'AWS::Redshift::Cluster': { flag: 'Encrypted', key: 'KmsKeyId', defaultKey: 'AWS-managed alias/aws/redshift', otherwise: NOT_ENCRYPTED },
  'AWS::Kinesis::Stream': { marker: 'StreamEncryption.EncryptionType', key: 'StreamEncryption.KeyId', defaultKey: 'AWS-managed alias/aws/kinesis', otherwise: NOT_ENCRYPTED },
  'AWS::EC2::Volume': { flag: 'Encrypted', key: 'KmsKeyId', defaultKey: 'AWS-managed alias/aws/ebs', otherwise: NOT_ENCRYPTED },
  'AWS::SQS::Queue': { marker: 'KmsMasterKeyId', key: 'KmsMasterKeyId', defaultKey: '', otherwise: { status: 'service-default', key: 'SQS-managed (SSE-SQS)' } },
  'AWS::SNS::Topic': { marker: 'KmsMasterKeyId', key: 'KmsMasterKeyId', defaultKey: '', otherwise: NOT_ENCRYPTED },
  'AWS::Logs::LogGroup': { marker: 'KmsKeyId', key: 'KmsKeyId', defaultKey: '', otherwise: { status: 'service-default', key: 'CloudWatch Logs-managed' } },
  'AWS::Backup::BackupVault': { marker: 'EncryptionKeyArn', key: 'EncryptionKeyArn', defaultKey: '', otherwise: { status: 'service-default', key: 'AWS-managed alias/aws/backup' } },
  'AWS::SecretsManager::Secret': { marker: 'KmsKeyId', key: 'KmsKeyId', defaultKey: '', otherwise: { status: 'service-default', key: 'AWS-managed alias/aws/secretsmanager' } },
};

/** `${DataKey.Arn}` → `DataKey`: reports name a key of the template by its logical ID. */
function keyName(text: string): string {
  const placeholder = /^\$\{([^}.]+)(\.[^}]*)?\}$/.exec(text);
  return placeholder ? placeholder[1] : text;
}

function describeKey(index: TemplateIndex, raw: unknown, defaultKey: string): string | undefined {
  const kind = kmsKeyOf({ index }, raw);
  if (kind.kind === 'absent') return defaultKey || undefined;
  if (kind.kind === 'aws-managed') return `AWS-managed ${kind.name}`;
  if (kind.kind === 'unresolvable') return `unresolvable (${kind.why})`;
  const rendered = renderString(index, raw);
  return `customer-managed ${'text' in rendered ? keyName(rendered.text) : 'key'}`;
}

/** How the Information store `logicalId` is encrypted at rest, as declared in its template. */
export function storeEncryption(index: TemplateIndex, logicalId: string): StoreEncryption {
  const resource = index.resource(logicalId);
  const spec = resource ? SPECS[resource.Type] : undefined;
  if (!resource || !spec) return { status: 'unknown' };
  const ctx = { properties: resource.Properties && typeof resource.Properties === 'object' ? resource.Properties : {} };
  if (resource.Type === 'AWS::RDS::DBInstance' && index.classify(ctx.properties.DBClusterIdentifier).kind !== 'absent') {
    return { status: 'inherited', key: 'from its DB cluster' };
  }
  const declared = readPath(index, ctx.properties, spec.flag ?? spec.marker!);
  if (declared.kind === 'unresolvable') return { status: 'unresolvable', key: declared.why };
  const on = spec.flag ? declared.kind === 'known' && asBoolean(declared.value) === true : declared.kind !== 'absent';
  if (on) {
    const key = rawAt(ctx, spec.key);
    return { status: 'encrypted', key: 'unresolvable' in key ? `unresolvable (${key.unresolvable})` : describeKey(index, key.value, spec.defaultKey) };
  }
  if (resource.Type === 'AWS::SQS::Queue' && index.classify(ctx.properties.SqsManagedSseEnabled).kind === 'known' && asBoolean(ctx.properties.SqsManagedSseEnabled) === false) {
    return NOT_ENCRYPTED;
  }
  return spec.otherwise;
}

/**
 * The explanation of the rules that require a store encrypted at rest. The services encrypt with
 * AES-256, above the floor of every built-in profile (DPP 3.4; key specs: DPP-3.4-KmsKeySpecStrength).
 */
export const STORE_ENCRYPTION_EXPLANATION = `DPP 3.4 Encryption at Rest requires every store of Information to be encrypted at rest with AES-${DPP.values.symmetricKeyMinBits} or stronger.`;

import type { TemplateIndex } from './template-index';
import type { Value } from './values';

/** The tag keys of the DPP vocabulary (CONTROLS.md "Vocabulary"). */
export const TAG_DATA_ORIGIN = 'dpp:data-origin';
export const TAG_CLASSIFICATION = 'dpp:classification';
export const TAG_ENVIRONMENT = 'dpp:environment';
/** The environment's kind, `test` or `prod`, where its name (`dpp:environment`) is another (e.g. `staging`, `prod-eu`). */
export const TAG_ENVIRONMENT_KIND = 'dpp:environment-kind';
/** Set by SegmentedVpc on the VPC it builds (`true`): its subnets must all carry a non-default network ACL (DPP 2.1). */
export const TAG_SEGMENTED = 'dpp:segmented';
/** Set by SegmentedVpc on each subnet: `public`, `application` or `data` (DPP 2.1 network segmentation). */
export const TAG_NETWORK_TIER = 'dpp:network-tier';
/** What a resource is for, where rules need to know: `security-alerts` marks the environment's security topic (DPP 2.7). */
export const TAG_PURPOSE = 'dpp:purpose';
export const PURPOSE_SECURITY_ALERTS = 'security-alerts';

export type Classification = 'pii' | 'confidential' | 'internal' | 'public';
export const CLASSIFICATIONS: readonly Classification[] = ['pii', 'confidential', 'internal', 'public'];

/** Databases and buckets of records (CONTROLS.md "Data store"). */
export const DATA_STORE_TYPES: readonly string[] = [
  'AWS::S3::Bucket',
  'AWS::RDS::DBInstance',
  'AWS::RDS::DBCluster',
  'AWS::DynamoDB::Table',
  'AWS::DynamoDB::GlobalTable',
  'AWS::EFS::FileSystem',
  'AWS::ElastiCache::ReplicationGroup',
  'AWS::OpenSearchService::Domain',
  'AWS::Elasticsearch::Domain',
  'AWS::Redshift::Cluster',
  'AWS::Kinesis::Stream',
  'AWS::DocDB::DBCluster',
  'AWS::Neptune::DBCluster',
];

/** Everything that holds data at rest (CONTROLS.md "Information store"). */
export const INFORMATION_STORE_TYPES: readonly string[] = [
  ...DATA_STORE_TYPES,
  'AWS::EC2::Volume',
  'AWS::SQS::Queue',
  'AWS::SNS::Topic',
  'AWS::Logs::LogGroup',
  'AWS::Backup::BackupVault',
  'AWS::SecretsManager::Secret',
];

const DATA_STORES = new Set(DATA_STORE_TYPES);
const INFORMATION_STORES = new Set(INFORMATION_STORE_TYPES);

export function isDataStoreType(type: string): boolean {
  return DATA_STORES.has(type);
}

export function isInformationStoreType(type: string): boolean {
  return INFORMATION_STORES.has(type);
}

/** A resource's classification tag as a Value (known string, absent or unresolvable). */
export function classificationOf(index: TemplateIndex, logicalId: string): Value {
  return index.tag(logicalId, TAG_CLASSIFICATION);
}

/**
 * Whether a store is classified `pii`: `yes`, `no`, or `unknown` when the tag is an intrinsic
 * (a rule that only applies to PII stores must then warn, not pass).
 */
export function piiStatus(index: TemplateIndex, logicalId: string): 'yes' | 'no' | 'unknown' {
  const value = classificationOf(index, logicalId);
  if (value.kind === 'known') return String(value.value).toLowerCase() === 'pii' ? 'yes' : 'no';
  if (value.kind === 'absent') return 'no';
  return 'unknown';
}

/** Whether a store is classified `pii` or `confidential` (some 3.4 and 3.6 rules apply to both). */
export function sensitiveStatus(index: TemplateIndex, logicalId: string): 'yes' | 'no' | 'unknown' {
  const value = classificationOf(index, logicalId);
  if (value.kind === 'known') return ['pii', 'confidential'].includes(String(value.value).toLowerCase()) ? 'yes' : 'no';
  if (value.kind === 'absent') return 'no';
  return 'unknown';
}

/**
 * Whether a store is classified and not `pii` (a non-PII store of Information): `unknown` when the
 * tag is an intrinsic. An untagged store is `no` here: DPP 2.9's tagging rules report it.
 */
export function nonPiiStatus(index: TemplateIndex, logicalId: string): 'yes' | 'no' | 'unknown' {
  const value = classificationOf(index, logicalId);
  if (value.kind === 'known') return String(value.value).toLowerCase() === 'pii' ? 'no' : 'yes';
  if (value.kind === 'absent') return 'no';
  return 'unknown';
}

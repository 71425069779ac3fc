import { readPath } from '../checks/context';
import { statementsOf } from '../checks/lookups/policy-document';
import { storeEncryption } from '../checks/lookups/store-encryption';
import type { TemplateIndex } from '../checks/template-index';
import { asArray, asBoolean, asNumber, isIntrinsic, type Value } from '../checks/values';
import { isInformationStoreType, TAG_CLASSIFICATION, TAG_DATA_ORIGIN, TAG_ENVIRONMENT } from '../checks/vocabulary';
import type { LoadedTemplate } from '../loading/loaded-template';
import { plural } from './check-text';
import { storeMonitoring } from './store-monitoring';

/**
 * One entry of the record of processing activities (DPP 3.2 Data Governance): an Information
 * store and the facts a deletion request, an audit or a privacy review needs about it. Every
 * value is read from the template; `unresolvable (…)` where an intrinsic decides it.
 */
export interface ProcessingEntry {
  readonly template: string;
  readonly stack: string | null;
  readonly environment: string | null;
  readonly logicalId: string;
  readonly type: string;
  readonly constructPath: string | null;
  /** `dpp:data-origin`. */
  readonly origin: string | null;
  /** `dpp:classification`. */
  readonly classification: string | null;
  /** `encrypted`, `not-encrypted`, `service-default`, `inherited`, `unresolvable`. */
  readonly encryption: string;
  readonly key: string | null;
  readonly retention: string;
  readonly publicExposure: string;
  readonly backups: string;
  /** Data events, canary-record and read-volume anomaly alarms watching the store (DPP 3.6). */
  readonly monitoring: string;
}

type Props = Record<string, unknown>;

function text(value: Value): string | null {
  switch (value.kind) {
    case 'known': return typeof value.value === 'object' ? JSON.stringify(value.value) : String(value.value);
    case 'reference': return value.logicalId;
    case 'unresolvable': return `unresolvable (${value.why})`;
    default: return null;
  }
}

/** Days as people say them: 345600 seconds → `4 days`. */
function duration(seconds: number): string {
  if (seconds % 86400 === 0) return plural(seconds / 86400, 'day');
  if (seconds % 3600 === 0) return plural(seconds / 3600, 'hour');
  return plural(seconds, 'second');
}

/** A numeric property as text: `label(n)` when known, `fallback` when absent. */
function numberFact(index: TemplateIndex, props: Props, path: string, label: (n: number) => string, fallback: string): string {
  const value = readPath(index, props, path);
  if (value.kind === 'absent') return fallback;
  if (value.kind !== 'known') return text(value)!;
  const n = asNumber(value.value);
  return n === undefined ? `${path}: ${String(value.value)}` : label(n);
}

function bucketRetention(props: Props): string {
  const rules = (props.LifecycleConfiguration as { Rules?: unknown } | undefined)?.Rules;
  if (isIntrinsic(rules)) return 'unresolvable (lifecycle rules given by an intrinsic)';
  const facts: string[] = [];
  for (const rule of asArray(rules)) {
    if (!rule || typeof rule !== 'object' || isIntrinsic(rule)) continue;
    const r = rule as Props;
    if (r.Status !== 'Enabled') continue;
    const scope = typeof r.Prefix === 'string' && r.Prefix !== '' ? ` (prefix ${r.Prefix})` : Array.isArray(r.TagFilters) && r.TagFilters.length > 0 ? ' (tagged objects)' : '';
    const days = asNumber(r.ExpirationInDays);
    if (days !== undefined) facts.push(`objects expire after ${days} days${scope}`);
    const noncurrent = asNumber((r.NoncurrentVersionExpiration as Props | undefined)?.NoncurrentDays ?? r.NoncurrentVersionExpirationInDays);
    if (noncurrent !== undefined) facts.push(`non-current versions expire after ${noncurrent} days${scope}`);
  }
  return facts.length > 0 ? facts.join('; ') : 'kept until deleted (no lifecycle expiration)';
}

function tableRetention(index: TemplateIndex, props: Props): string {
  const enabled = readPath(index, props, 'TimeToLiveSpecification.Enabled');
  if (enabled.kind === 'unresolvable') return text(enabled)!;
  if (enabled.kind === 'known' && asBoolean(enabled.value) === true) {
    return `TTL on attribute ${text(readPath(index, props, 'TimeToLiveSpecification.AttributeName')) ?? '(unnamed)'}`;
  }
  return 'kept until deleted (no TTL)';
}

function retentionOf(index: TemplateIndex, type: string, props: Props): string {
  switch (type) {
    case 'AWS::S3::Bucket': return bucketRetention(props);
    case 'AWS::DynamoDB::Table':
    case 'AWS::DynamoDB::GlobalTable': return tableRetention(index, props);
    case 'AWS::Logs::LogGroup': return numberFact(index, props, 'RetentionInDays', (n) => `${n} days`, 'never expires (no RetentionInDays)');
    case 'AWS::SQS::Queue': return numberFact(index, props, 'MessageRetentionPeriod', duration, '4 days (default)');
    case 'AWS::Kinesis::Stream': return numberFact(index, props, 'RetentionPeriodHours', (n) => `${n} hours`, '24 hours (default)');
    case 'AWS::Backup::BackupVault': return 'set by the backup plans that use the vault';
    default: return 'kept until deleted';
  }
}

/** Resource types whose policy names the store, and the property holding the policy document. */
const POLICY_TYPES: ReadonlyArray<[string, string]> = [
  ['AWS::S3::BucketPolicy', 'PolicyDocument'],
  ['AWS::SQS::QueuePolicy', 'PolicyDocument'],
  ['AWS::SNS::TopicPolicy', 'PolicyDocument'],
  ['AWS::SecretsManager::ResourcePolicy', 'ResourcePolicy'],
];

/** True when a resource policy of the store allows everyone (`Principal: "*"`) with no condition. */
function policyAllowsAnyone(index: TemplateIndex, logicalId: string, props: Props): boolean {
  const documents: unknown[] = [props.AccessPolicy, props.ResourcePolicy, props.AccessPolicies];
  for (const [type, property] of POLICY_TYPES) {
    for (const ref of index.referrersOf(logicalId, type)) documents.push(index.resource(ref.from)?.Properties?.[property]);
  }
  return documents.some((doc) =>
    statementsOf((doc as { PolicyDocument?: unknown } | undefined)?.PolicyDocument ?? doc).statements.some(
      (s) => s.effect === 'Allow' && !s.notPrincipal && s.principals.includes('*') && s.condition === undefined,
    ),
  );
}

function publicExposureOf(index: TemplateIndex, logicalId: string, type: string, props: Props): string {
  const facts: string[] = [];
  if (type === 'AWS::S3::Bucket') {
    const block = props.PublicAccessBlockConfiguration as Props | undefined;
    const flags = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'];
    facts.push(block && flags.every((f) => asBoolean(block[f]) === true) ? 'public access blocked' : 'public access not fully blocked');
    if (typeof props.AccessControl === 'string' && /Public|Authenticated/.test(props.AccessControl)) facts.push(`public ACL ${props.AccessControl}`);
  } else if (['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'AWS::Redshift::Cluster'].includes(type)) {
    const value = readPath(index, props, 'PubliclyAccessible');
    if (value.kind === 'known') facts.push(asBoolean(value.value) ? 'publicly accessible' : 'private (PubliclyAccessible: false)');
    else if (value.kind === 'unresolvable') facts.push(text(value)!);
    // Aurora decides public access per instance; only Multi-AZ DB clusters declare it on the cluster.
    else facts.push(type === 'AWS::RDS::DBCluster' ? 'decided by its DB instances' : 'PubliclyAccessible not set (public when placed in a public subnet)');
  } else if (type === 'AWS::OpenSearchService::Domain' || type === 'AWS::Elasticsearch::Domain') {
    facts.push(props.VPCOptions ? 'VPC endpoint only' : 'public endpoint (access policy decides)');
  } else if (['AWS::EFS::FileSystem', 'AWS::ElastiCache::ReplicationGroup', 'AWS::DocDB::DBCluster', 'AWS::Neptune::DBCluster', 'AWS::EC2::Volume'].includes(type)) {
    facts.push('inside the VPC (no public endpoint)');
  } else {
    facts.push('IAM and resource policy only');
  }
  if (policyAllowsAnyone(index, logicalId, props)) facts.push('a resource policy allows anyone (Principal "*" with no condition)');
  return facts.join('; ');
}

/** AWS Backup selections that pick the store, by reference or by one of its tags. */
function backupSelections(index: TemplateIndex, logicalId: string): string[] {
  const found = new Set(index.referrersOf(logicalId, 'AWS::Backup::BackupSelection').map((r) => r.from));
  for (const selectionId of index.ofType('AWS::Backup::BackupSelection')) {
    const tags = (index.resource(selectionId)?.Properties?.BackupSelection as { ListOfTags?: unknown } | undefined)?.ListOfTags;
    for (const condition of asArray(tags)) {
      const { ConditionKey, ConditionValue } = (condition ?? {}) as { ConditionKey?: unknown; ConditionValue?: unknown };
      const actual = typeof ConditionKey === 'string' ? index.tag(logicalId, ConditionKey) : undefined;
      if (actual?.kind === 'known' && actual.value === ConditionValue) found.add(selectionId);
    }
  }
  return [...found];
}

function backupsOf(index: TemplateIndex, logicalId: string, type: string, props: Props): string {
  const facts: string[] = [];
  const retention = (path: string, fallbackDays: number) =>
    numberFact(index, props, path, (n) => (n > 0 ? `automated backups kept ${plural(n, 'day')}` : `no automated backups (${path}: 0)`), `automated backups kept ${plural(fallbackDays, 'day')} (default)`);
  switch (type) {
    case 'AWS::RDS::DBInstance':
      if (index.classify(props.DBClusterIdentifier).kind === 'absent') facts.push(retention('BackupRetentionPeriod', 1));
      break;
    case 'AWS::RDS::DBCluster':
    case 'AWS::DocDB::DBCluster':
    case 'AWS::Neptune::DBCluster':
      facts.push(retention('BackupRetentionPeriod', 1));
      break;
    case 'AWS::Redshift::Cluster':
      facts.push(retention('AutomatedSnapshotRetentionPeriod', 1));
      break;
    case 'AWS::DynamoDB::Table':
      if (isTrue(index, props, 'PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled')) facts.push('point-in-time recovery');
      break;
    case 'AWS::DynamoDB::GlobalTable':
      if (isTrue(index, props, 'Replicas.0.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled')) facts.push('point-in-time recovery');
      break;
    case 'AWS::S3::Bucket':
      if ((props.VersioningConfiguration as Props | undefined)?.Status === 'Enabled') facts.push('versioning');
      if (props.ReplicationConfiguration) facts.push('replication');
      break;
    case 'AWS::EFS::FileSystem':
      if ((props.BackupPolicy as Props | undefined)?.Status === 'ENABLED') facts.push('AWS Backup (BackupPolicy ENABLED)');
      break;
    case 'AWS::ElastiCache::ReplicationGroup':
      facts.push(numberFact(index, props, 'SnapshotRetentionLimit', (n) => (n > 0 ? `snapshots kept ${n} days` : 'no snapshots'), 'no snapshots (default)'));
      break;
  }
  const selections = backupSelections(index, logicalId);
  if (selections.length > 0) facts.push(`AWS Backup selection ${selections.join(', ')}`);
  return facts.length > 0 ? facts.join('; ') : 'none declared';
}

function isTrue(index: TemplateIndex, props: Props, path: string): boolean {
  const value = readPath(index, props, path);
  return value.kind === 'known' && asBoolean(value.value) === true;
}

function tagText(index: TemplateIndex, logicalId: string, key: string): string | null {
  return text(index.tag(logicalId, key));
}

/**
 * The record of processing activities of checked templates: every Information store (data
 * stores included) with its environment, origin, classification, encryption and key, retention,
 * public exposure and backups, as the templates declare them.
 */
export function processingRecord(templates: readonly LoadedTemplate[], indexes: readonly TemplateIndex[]): ProcessingEntry[] {
  const entries: ProcessingEntry[] = [];
  templates.forEach((template, i) => {
    const index = indexes[i];
    const monitoring = storeMonitoring(index);
    for (const logicalId of index.logicalIds) {
      const resource = index.resource(logicalId)!;
      if (!isInformationStoreType(resource.Type)) continue;
      const props = resource.Properties && typeof resource.Properties === 'object' ? resource.Properties : {};
      const encryption = storeEncryption(index, logicalId);
      const cdkPath = resource.Metadata?.['aws:cdk:path'];
      entries.push({
        template: template.file,
        stack: template.stack.stackName ?? null,
        environment: tagText(index, logicalId, TAG_ENVIRONMENT) ?? index.environment() ?? null,
        logicalId,
        type: resource.Type,
        constructPath: typeof cdkPath === 'string' ? cdkPath : null,
        origin: tagText(index, logicalId, TAG_DATA_ORIGIN),
        classification: tagText(index, logicalId, TAG_CLASSIFICATION),
        encryption: encryption.status,
        key: encryption.key ?? null,
        retention: retentionOf(index, resource.Type, props),
        publicExposure: publicExposureOf(index, logicalId, resource.Type, props),
        backups: backupsOf(index, logicalId, resource.Type, props),
        monitoring: monitoring(logicalId),
      });
    }
  });
  return entries;
}

import type { TemplateIndex } from '../template-index';
import { asArray, isIntrinsic } from '../values';

/**
 * Which stores a CloudTrail trail logs data events of, read from its `AdvancedEventSelectors`
 * (or the legacy `EventSelectors` with `DataResources`, what CDK's `addS3EventSelector` writes).
 * Shared by the DPP 3.6 Logging and Monitoring rules on storage-layer logging.
 */

/** The data-event resource types this lookup understands, by the store type they log. */
export const DATA_EVENT_TYPE_OF_STORE: Readonly<Record<string, string>> = {
  'AWS::S3::Bucket': 'AWS::S3::Object',
  'AWS::DynamoDB::Table': 'AWS::DynamoDB::Table',
  'AWS::DynamoDB::GlobalTable': 'AWS::DynamoDB::Table',
};

/** What one trail's selectors say about one data-event resource type. */
export interface DataEventCoverage {
  /** Every resource of the type (no ARN condition, or the bare `arn:<partition>:s3` form). */
  all: boolean;
  /** Logical IDs (in the trail's template) named through `Ref`/`Fn::GetAtt`/`Fn::Sub`. */
  readonly logicalIds: Set<string>;
  /** Literal ARNs or ARN prefixes. */
  readonly literals: string[];
  /** Why part of the selection cannot be known at synth time (a parameter, an import, `Fn::If`). */
  unresolvable?: string;
  /** Selectors of the type that narrow what is logged (only reads or writes, some event names, exclusions). */
  readonly narrowed: string[];
}

const ALLOWED_FIELDS = new Set(['eventCategory', 'resources.type', 'resources.ARN']);

/** The coverage of a trail by data-event resource type (`AWS::S3::Object`, `AWS::DynamoDB::Table`). */
export function dataEventCoverage(index: TemplateIndex, trailId: string): Map<string, DataEventCoverage> {
  const coverage = new Map<string, DataEventCoverage>();
  const of = (type: string): DataEventCoverage => {
    let entry = coverage.get(type);
    if (!entry) coverage.set(type, entry = { all: false, logicalIds: new Set(), literals: [], narrowed: [] });
    return entry;
  };
  const properties = index.resource(trailId)?.Properties ?? {};
  const add = (type: string, values: unknown, path: string): void => {
    const entry = of(type);
    const list = asArray(values);
    if (isIntrinsic(values)) { entry.unresolvable ??= `${path} is given by an intrinsic`; return; }
    list.forEach((value, i) => {
      if (typeof value === 'string') {
        if (/^arn:[^:]+:(s3|dynamodb)$/.test(value) || /^arn:[^:]+:s3:::$/.test(value)) entry.all = true;
        else entry.literals.push(value);
        return;
      }
      const refs = index.referencesFrom(trailId).filter((r) => r.path === `${path}.${i}` || r.path.startsWith(`${path}.${i}.`));
      const local = refs.filter((r) => index.hasResource(r.to));
      if (local.length === 0) entry.unresolvable ??= `${path}.${i} is given by an intrinsic`;
      for (const r of local) entry.logicalIds.add(r.to);
    });
  };

  asArray(properties.AdvancedEventSelectors).forEach((selector, s) => {
    const fields = asArray((selector as { FieldSelectors?: unknown } | undefined)?.FieldSelectors) as Record<string, unknown>[];
    const field = (name: string) => fields.find((f) => f?.Field === name);
    if (!asArray(field('eventCategory')?.Equals).includes('Data')) return;
    for (const type of asArray(field('resources.type')?.Equals)) {
      if (typeof type !== 'string') continue;
      const extra = fields.filter((f) => !ALLOWED_FIELDS.has(String(f?.Field)) || (f?.Field === 'resources.ARN' && Object.keys(f).some((k) => k.startsWith('Not') || k === 'EndsWith')));
      if (extra.length > 0) {
        of(type).narrowed.push(`selector ${s} (${extra.map((f) => String(f.Field)).join(', ')})`);
        continue;
      }
      const arn = field('resources.ARN');
      const arnIndex = fields.indexOf(arn!);
      if (!arn) of(type).all = true;
      else for (const operator of ['StartsWith', 'Equals']) {
        if (arn[operator] !== undefined) add(type, arn[operator], `Properties.AdvancedEventSelectors.${s}.FieldSelectors.${arnIndex}.${operator}`);
      }
    }
  });

  asArray(properties.EventSelectors).forEach((selector, s) => {
    const sel = (selector ?? {}) as Record<string, unknown>;
    asArray(sel.DataResources).forEach((resource, r) => {
      const { Type: type, Values: values } = (resource ?? {}) as Record<string, unknown>;
      if (typeof type !== 'string') return;
      if (sel.ReadWriteType !== undefined && sel.ReadWriteType !== 'All') {
        of(type).narrowed.push(`event selector ${s} (ReadWriteType ${String(sel.ReadWriteType)})`);
        return;
      }
      add(type, values, `Properties.EventSelectors.${s}.DataResources.${r}.Values`);
    });
  });
  return coverage;
}

/** Whether a literal ARN (prefix) names a bucket's objects or a table, by the store's literal name. */
export function literalCovers(literal: string, storeType: string, name: string): boolean {
  const withoutPartition = literal.replace(/^arn:[^:]+:/, 'arn:*:');
  if (storeType === 'AWS::S3::Bucket') {
    const objects = `arn:*:s3:::${name}/`;
    return objects.startsWith(withoutPartition) || withoutPartition === `arn:*:s3:::${name}/*`;
  }
  return new RegExp(`^arn:\\*:dynamodb:[^:]*:[^:]*:table/${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`).test(withoutPartition);
}

/** The store's literal name (`BucketName`, `TableName`), when the template gives one. */
export function literalStoreName(index: TemplateIndex, logicalId: string): string | undefined {
  const properties = index.resource(logicalId)?.Properties ?? {};
  const name = index.typeOf(logicalId) === 'AWS::S3::Bucket' ? properties.BucketName : properties.TableName;
  return typeof name === 'string' ? name : undefined;
}

import { Lazy, Stack } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledgeInlinePolicy } from '../common/nag-acknowledgments';
import { invalidProp } from '../common/validate';

/**
 * Documented limits of CloudTrail advanced event selectors that this construct relies on, kept
 * as data with their source so a test pins each one.
 */
export const ADVANCED_EVENT_SELECTOR_LIMITS = {
  /**
   * "up to a maximum of 500 values for all conditions and selectors on a trail".
   * Source: CloudTrail API reference, PutEventSelectors, AdvancedEventSelectors
   * (https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_PutEventSelectors.html).
   */
  maxValuesPerTrail: 500,
  /**
   * `eventCategory` and `resources.type` accept only `Equals`; a trail uses either
   * `EventSelectors` or `AdvancedEventSelectors`, never both.
   * Source: AWS::CloudTrail::Trail AdvancedFieldSelector, `Equals`
   * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-cloudtrail-trail-advancedfieldselector.html).
   */
  equalsOnlyFields: ['eventCategory', 'resources.type', 'readOnly'] as readonly string[],
} as const;

/** The `resources.type` of S3 object-level data events and of DynamoDB item-level data events. */
export const S3_OBJECT_RESOURCE_TYPE = 'AWS::S3::Object';
export const DYNAMODB_TABLE_RESOURCE_TYPE = 'AWS::DynamoDB::Table';

/** Props of {@link PiiDataEvents}. */
export interface PiiDataEventsProps {
  /** The bucket the trail delivers its log files to (e.g. {@link AuditTrail.bucket}: object-locked, access-logged). */
  readonly bucket: s3.IBucket;
  /**
   * The key the log files are encrypted with (e.g. {@link AuditTrail.encryptionKey}). Its policy
   * gets a statement letting CloudTrail use it for this trail only (`aws:SourceArn`).
   */
  readonly encryptionKey: kms.IKey;
  /**
   * The log group the events are copied to, where the canary alarms filter them (e.g.
   * {@link AuditTrail.logGroup}). Its key must let CloudWatch Logs use it.
   */
  readonly logGroup: logs.ILogGroup;
  /**
   * The trail's name (unique in the account and region).
   * @default 'dpp-pii-data-events'
   */
  readonly trailName?: string;
  /**
   * The prefix of the log files in the bucket, apart from the management-event trail's.
   * @default 'pii-data-events'
   */
  readonly s3KeyPrefix?: string;
}

const NAME = 'PiiDataEvents';

/**
 * Storage-layer logging of PII stores (DPP 3.6 Logging and Monitoring: logging on all channels,
 * storage-layer APIs included, access attempts and data changes): a second, data-events-only
 * trail whose advanced event selectors log S3 object-level reads and writes of every registered
 * PII bucket and the item-level reads and writes of every registered PII table, and nothing else
 * (data events are billed per event: the selectors are scoped to those resources, never to all
 * buckets of the account).
 *
 * The management events stay on {@link AuditTrail}; this trail shares its bucket, key and log
 * group, so the CIS filters and the canary alarms see both. Like the audit trail it covers every
 * region, validates its log files and encrypts them with the customer key.
 *
 * A workload registers its own PII stores with {@link registerBucket} and {@link registerTable};
 * the app-level rule `DPP-3.6-PiiStoreDataEvents` fails an environment where a PII bucket or
 * table is not covered.
 */
export class PiiDataEvents extends Construct {
  public readonly trail: cloudtrail.Trail;
  public readonly trailName: string;
  private readonly bucketArns: string[] = [];
  private readonly tableArns: string[] = [];

  constructor(scope: Construct, id: string, props: PiiDataEventsProps) {
    super(scope, id);
    this.trailName = props.trailName ?? 'dpp-pii-data-events';
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{2,127}$/.test(this.trailName)) invalidProp(NAME, 'trailName', `must be 3 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit, got ${JSON.stringify(this.trailName)}`);
    const s3KeyPrefix = props.s3KeyPrefix ?? 'pii-data-events';
    if (!/^[A-Za-z0-9!_.*'()-]+(?:\/[A-Za-z0-9!_.*'()-]+)*$/.test(s3KeyPrefix)) invalidProp(NAME, 's3KeyPrefix', `must be an S3 key prefix without leading or trailing '/', got ${JSON.stringify(s3KeyPrefix)}`);

    const { partition, region, account } = Stack.of(this);
    const trailArn = `arn:${partition}:cloudtrail:${region}:${account}:trail/${this.trailName}`;
    props.encryptionKey.addToResourcePolicy(new iam.PolicyStatement({
      sid: `CloudTrailEncrypts${this.trailName.replace(/[^A-Za-z0-9]/g, '')}Logs`,
      principals: [new iam.ServicePrincipal('cloudtrail.amazonaws.com')],
      actions: ['kms:GenerateDataKey*', 'kms:DescribeKey'],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:SourceArn': trailArn, 'aws:SourceAccount': account } },
    }));

    // No `managementEvents`: the L2 then writes no EventSelectors, and the advanced selectors
    // below (data events only) decide everything this trail logs.
    this.trail = new cloudtrail.Trail(this, 'Trail', {
      trailName: this.trailName,
      bucket: props.bucket,
      s3KeyPrefix,
      encryptionKey: props.encryptionKey,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: false,
      enableFileValidation: true,
      sendToCloudWatchLogs: true,
      cloudWatchLogGroup: props.logGroup,
    });
    acknowledgeInlinePolicy(this.trail, 'the role CloudTrail assumes to deliver the PII stores\' data events to the audit log group');
    const cfn = this.trail.node.defaultChild as cloudtrail.CfnTrail;
    cfn.advancedEventSelectors = Lazy.any({ produce: () => this.selectors() }, { omitEmptyArray: true });
    // The L2 renders `EventSelectors: []`; a trail takes one kind of selector or the other.
    cfn.addPropertyDeletionOverride('EventSelectors');
    this.node.addValidation({ validate: () => this.validateLimits() });
  }

  /** Logs object-level reads and writes (GetObject, PutObject, DeleteObject, …) of a PII bucket. */
  public registerBucket(bucket: s3.IBucket): void {
    this.bucketArns.push(`${bucket.bucketArn}/`);
  }

  /** Logs item-level reads and writes (GetItem, Query, Scan, PutItem, …) of a PII table. */
  public registerTable(table: dynamodb.ITable): void {
    this.tableArns.push(table.tableArn);
  }

  private selectors(): cloudtrail.CfnTrail.AdvancedEventSelectorProperty[] {
    const selectors: cloudtrail.CfnTrail.AdvancedEventSelectorProperty[] = [];
    if (this.bucketArns.length > 0) {
      selectors.push(dataSelector('DPP 3.6: object-level reads and writes of PII buckets', S3_OBJECT_RESOURCE_TYPE, { field: 'resources.ARN', startsWith: this.bucketArns }));
    }
    if (this.tableArns.length > 0) {
      selectors.push(dataSelector('DPP 3.6: item-level reads and writes of PII tables', DYNAMODB_TABLE_RESOURCE_TYPE, { field: 'resources.ARN', equalTo: this.tableArns }));
    }
    return selectors;
  }

  private validateLimits(): string[] {
    const values = this.selectors().flatMap((s) => s.fieldSelectors as cloudtrail.CfnTrail.AdvancedFieldSelectorProperty[])
      .reduce((n, f) => n + (f.equalTo?.length ?? 0) + (f.startsWith?.length ?? 0), 0);
    const errors: string[] = [];
    if (this.bucketArns.length + this.tableArns.length === 0) errors.push(`${NAME}: no PII store registered; a trail with no selector would log every management event again (call registerBucket / registerTable)`);
    if (values > ADVANCED_EVENT_SELECTOR_LIMITS.maxValuesPerTrail) errors.push(`${NAME}: ${values} selector values exceed CloudTrail's ${ADVANCED_EVENT_SELECTOR_LIMITS.maxValuesPerTrail} per trail; split the stores over two PiiDataEvents trails`);
    return errors;
  }
}

function dataSelector(name: string, resourceType: string, arns: cloudtrail.CfnTrail.AdvancedFieldSelectorProperty): cloudtrail.CfnTrail.AdvancedEventSelectorProperty {
  return {
    name,
    fieldSelectors: [
      { field: 'eventCategory', equalTo: ['Data'] },
      { field: 'resources.type', equalTo: [resourceType] },
      arns,
    ],
  };
}

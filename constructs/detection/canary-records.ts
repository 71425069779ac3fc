import { CustomResource, Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { policyOf } from '../../lib/policy/context';
import { CANARY_KEY_PREFIX } from '../../lib/handlers/canary-key';
import { requireLogRetentionDays } from '../audit/log-retention';
import { acknowledgeControlPlaneFunction, acknowledgeInlinePolicy, acknowledgeNag, wildcardResourceFinding } from '../common/nag-acknowledgments';
import { invalidProp } from '../common/validate';
import { HandlerFunction, handlerProvider } from '../identity/handler-function';

export { CANARY_KEY_PREFIX };

/** The CloudFormation type of a canary record. */
export const CANARY_RECORD_TYPE = 'Custom::DppCanaryRecord';

/**
 * The CloudTrail record fields the canary filters read, kept as data with their source so a test
 * pins them:
 * - S3 object-level events carry `requestParameters.bucketName` and `requestParameters.key`
 *   (CloudTrail User Guide, "Amazon S3 data events", and the S3 User Guide, "CloudTrail log file
 *   entries for Amazon S3": https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-understanding-s3-entries.html);
 * - DynamoDB item-level events carry `requestParameters.tableName` and the item's key attributes
 *   under `requestParameters.key` (non-key attributes are never logged): DynamoDB Developer Guide,
 *   "Understanding DynamoDB log file entries" (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/understanding-ddb-log-entries.html);
 * - the role a session came from is `userIdentity.sessionContext.sessionIssuer.arn` (CloudTrail
 *   User Guide, "CloudTrail userIdentity element").
 */
export const CANARY_EVENT_FIELDS = {
  s3: { bucket: '$.requestParameters.bucketName', key: '$.requestParameters.key', source: 's3.amazonaws.com' },
  dynamodb: { table: '$.requestParameters.tableName', key: '$.requestParameters.key', source: 'dynamodb.amazonaws.com' },
  sessionIssuer: '$.userIdentity.sessionContext.sessionIssuer.arn',
} as const;

/** Props of {@link CanaryRecords}. */
export interface CanaryRecordsProps {
  /** The security topic the canary alarms notify (e.g. {@link SecurityAlarms.topic}). */
  readonly alertTopic: sns.ITopic;
  /** The log group the stores' data events arrive in (e.g. {@link AuditTrail.logGroup}, fed by {@link PiiDataEvents}). */
  readonly trailLogGroup: logs.ILogGroup;
  /**
   * The VPC the seeding function runs in: needed when a PII bucket denies requests from outside
   * its VPC endpoints (`PiiBucket` with `vpcEndpointIds`). Its security group allows only HTTPS out.
   * @default - the function does not run in a VPC
   */
  readonly vpc?: ec2.IVpc;
  /**
   * The subnets of the seeding function, with `vpc` (the application tier of `SegmentedVpc`).
   * @default - the VPC's private subnets
   */
  readonly vpcSubnets?: ec2.SubnetSelection;
  /**
   * Retention of the function's and the provider's log groups: at least 90 days (DPP 3.6).
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * The key of those log groups (DPP 3.4).
   * @default - CloudWatch Logs' own encryption
   */
  readonly logEncryptionKey?: kms.IKey;
  /**
   * The CloudWatch namespace of the canary metrics.
   * @default 'DPP/Canaries'
   */
  readonly metricNamespace?: string;
  /**
   * How often the records are written again: a bucket's retention expiry (DPP 3.1) deletes objects
   * after its retention, so the period must be shorter than the shortest bucket retention.
   * @default Duration.days(1)
   */
  readonly reseedEvery?: Duration;
}

const NAME = 'CanaryRecords';

/**
 * Canary data records in PII stores and the alarm on any access to one (DPP 3.6 Logging and
 * Monitoring: investigative alarms on access to canary data records; DPP 2.7 Incident Response).
 *
 * For each store added, a `Custom::DppCanaryRecord` writes a record whose key starts with
 * `dpp-canary` (an S3 object, or a DynamoDB item whose partition key is that value) at deploy and
 * removes it on delete; a daily schedule writes it again (the bucket's expiry would remove it).
 * A metric filter on the trail's log group counts every data event on that record by anyone but
 * the seeding role, and an alarm notifies the security topic on the first one. No application
 * reads a canary, so an alarm means someone is reading the store wholesale or looking around:
 * follow the incident runbook (README, "Canary records").
 *
 * The store's data events must reach the log group: register the store with {@link PiiDataEvents}.
 * A DynamoDB `Scan` logs no keys, so a scan does not trip the canary; the read-volume anomaly
 * alarms ({@link ReadAnomalyAlarms}) cover bulk reads.
 */
export class CanaryRecords extends Construct {
  /** The function that writes and removes the records. */
  public readonly handler: HandlerFunction;
  /** The alarms, by the id given when the store was added. */
  public readonly alarms: Record<string, cloudwatch.Alarm> = {};
  /** The canary records, by the id given when the store was added. */
  public readonly records: Record<string, CustomResource> = {};
  private readonly provider: cr.Provider;
  private readonly props: CanaryRecordsProps;
  private readonly namespace: string;
  private readonly reseed: events.Rule;

  constructor(scope: Construct, id: string, props: CanaryRecordsProps) {
    super(scope, id);
    this.props = props;
    this.namespace = props.metricNamespace ?? 'DPP/Canaries';
    if (!/^[A-Za-z0-9._/#:-]{1,255}$/.test(this.namespace) || this.namespace.startsWith('AWS/')) {
      invalidProp(NAME, 'metricNamespace', `must be 1 to 255 of letters, digits and . _ / # : - and not start with AWS/, got ${JSON.stringify(this.namespace)}`);
    }
    const reseedDays = (props.reseedEvery ?? Duration.days(1)).toHours() / 24;
    if (reseedDays < 1 / 24 || reseedDays > 7) invalidProp(NAME, 'reseedEvery', `must be from 1 hour to 7 days (shorter than a PII bucket's retention), got ${reseedDays * 24} hours`);
    if (props.vpcSubnets && !props.vpc) invalidProp(NAME, 'vpcSubnets', 'needs vpc');
    const logRetention = requireLogRetentionDays(NAME, 'logRetention', props.logRetention ?? logs.RetentionDays.ONE_YEAR, policyOf(this));

    const securityGroups = props.vpc ? [this.httpsOnlySecurityGroup(props.vpc)] : undefined;
    this.handler = new HandlerFunction(this, 'Handler', {
      handler: 'canary-record',
      description: 'DPP 3.6: writes the dpp-canary records of PII stores at deploy and daily, and removes them on delete',
      logRetention,
      logEncryptionKey: props.logEncryptionKey,
      vpc: props.vpc,
      vpcSubnets: props.vpcSubnets,
      securityGroups,
    });
    acknowledgeInlinePolicy(this.handler.role, 'the canary seeding function (put and delete of dpp-canary records only)');
    acknowledgeControlPlaneFunction(this.handler, { calls: 'S3 and DynamoDB, for the dpp-canary records', invokedBy: 'the custom-resource provider and the daily reseed rule', customResource: true });
    this.provider = handlerProvider(this, this.handler, logRetention, props.logEncryptionKey, 'canary record');
    this.reseed = new events.Rule(this, 'Reseed', {
      description: 'DPP 3.6: writes the canary records again before a retention expiry removes them',
      schedule: events.Schedule.rate(props.reseedEvery ?? Duration.days(1)),
    });
  }

  /** Seeds a canary object (`dpp-canary/<id>.json`) in a PII bucket and alarms on any access to it. */
  public addBucket(id: string, bucket: s3.IBucket): cloudwatch.Alarm {
    const key = `${CANARY_KEY_PREFIX}/${requireId(id)}.json`;
    const canaryObjects = bucket.arnForObjects(`${CANARY_KEY_PREFIX}/*`);
    this.handler.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:PutObject', 's3:DeleteObject'], resources: [canaryObjects] }));
    acknowledgeNag(this.handler.role, wildcardResourceFinding(this, canaryObjects),
      'The seeding function may put and delete only the objects under the dpp-canary/ prefix of the PII bucket, which hold no data: the wildcard is the canary prefix, never the bucket\'s PII objects.');
    // SSE-KMS PutObject needs a data key from the bucket's key (S3 User Guide, "Using SSE-KMS": kms:GenerateDataKey).
    bucket.encryptionKey?.grant(this.handler.role, 'kms:GenerateDataKey');
    const fields = CANARY_EVENT_FIELDS.s3;
    const pattern = `{ ($.eventSource = "${fields.source}") && (${fields.bucket} = "${bucket.bucketName}") && (${fields.key} = "${CANARY_KEY_PREFIX}*") && (${CANARY_EVENT_FIELDS.sessionIssuer} != "${this.handler.role.roleArn}") }`;
    return this.addRecord(id, { Store: 's3', BucketName: bucket.bucketName, Key: key }, pattern, `objects ${key} of bucket`, bucket);
  }

  /**
   * Seeds a canary item in a PII table (partition key `dpp-canary#<id>`, sort key `dpp-canary`)
   * and alarms on any access to it. The key attributes must be strings.
   */
  public addTable(id: string, table: dynamodb.Table): cloudwatch.Alarm {
    const { partitionKeys, sortKeys } = table.schemaV2();
    if (partitionKeys.length !== 1 || sortKeys.length > 1) invalidProp(NAME, `addTable(${id})`, 'needs a table keyed by one partition key attribute and at most one sort key attribute');
    const [partitionKey] = partitionKeys;
    const [sortKey] = sortKeys;
    for (const attribute of [partitionKey, sortKey]) {
      if (attribute && attribute.type !== 'S') invalidProp(NAME, `addTable(${id})`, `needs string key attributes for the canary item; ${attribute.name} is ${attribute.type}`);
    }
    const key = `${CANARY_KEY_PREFIX}#${requireId(id)}`;
    this.handler.role.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['dynamodb:PutItem', 'dynamodb:DeleteItem'],
      resources: [table.tableArn],
      // Only items whose partition key is a canary's (DynamoDB fine-grained access control).
      conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${CANARY_KEY_PREFIX}*`] } },
    }));
    table.encryptionKey?.grant(this.handler.role, 'kms:Decrypt', 'kms:GenerateDataKey');
    const fields = CANARY_EVENT_FIELDS.dynamodb;
    const pattern = `{ ($.eventSource = "${fields.source}") && (${fields.table} = "${table.tableName}") && (${fields.key}.${partitionKey.name} = "${CANARY_KEY_PREFIX}*") && (${CANARY_EVENT_FIELDS.sessionIssuer} != "${this.handler.role.roleArn}") }`;
    const properties = { Store: 'dynamodb', TableName: table.tableName, PartitionKey: partitionKey.name, ...(sortKey ? { SortKey: sortKey.name } : {}), Key: key };
    return this.addRecord(id, properties, pattern, `item ${key} of table`, table);
  }

  private addRecord(id: string, properties: Record<string, string>, pattern: string, what: string, store: Construct): cloudwatch.Alarm {
    if (this.records[id]) invalidProp(NAME, 'id', `${JSON.stringify(id)} is already used by another store`);
    const scope = new Construct(this, id);
    const record = new CustomResource(scope, 'Record', { serviceToken: this.provider.serviceToken, resourceType: CANARY_RECORD_TYPE, properties });
    // The record goes before its store on delete, and the store exists before the record is written.
    record.node.addDependency(store);
    this.reseed.addTarget(new targets.LambdaFunction(this.handler.function, {
      event: events.RuleTargetInput.fromObject({ RequestType: 'Reseed', ResourceProperties: properties }),
    }));
    const filter = new logs.MetricFilter(scope, 'AccessFilter', {
      logGroup: this.props.trailLogGroup,
      filterPattern: logs.FilterPattern.literal(pattern),
      metricNamespace: this.namespace,
      metricName: `CanaryAccess-${id}`,
      metricValue: '1',
    });
    const alarm = new cloudwatch.Alarm(scope, 'AccessAlarm', {
      alarmDescription: `DPP 3.6 / 2.7: a data event touched the canary ${what} ${Stack.of(this).resolve(id)}; no application reads it. Follow the incident runbook (README, "Canary records").`,
      metric: filter.metric({ statistic: cloudwatch.Stats.SUM, period: Duration.minutes(1) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.props.alertTopic));
    this.records[id] = record;
    this.alarms[id] = alarm;
    return alarm;
  }

  private httpsOnlySecurityGroup(vpc: ec2.IVpc): ec2.SecurityGroup {
    const group = new ec2.SecurityGroup(this, 'SecurityGroup', { vpc, description: 'DPP canary seeder: HTTPS to S3 and DynamoDB (gateway endpoints) only', allowAllOutbound: false });
    group.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS to AWS APIs (S3 and DynamoDB through the gateway endpoints)');
    return group;
  }
}

/** A store id is part of a key and a construct ID: letters, digits and dashes. */
function requireId(id: string): string {
  if (!/^[A-Za-z0-9-]{1,64}$/.test(id)) invalidProp(NAME, 'id', `must be 1 to 64 letters, digits or '-', got ${JSON.stringify(id)}`);
  return id;
}

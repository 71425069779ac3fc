import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as rds from 'aws-cdk-lib/aws-rds';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { invalidProp, requireIntegerInRange } from '../common/validate';

/**
 * How wide the expected band is and how long a read volume must stay above it. CloudWatch anomaly
 * detection learns each metric's expected band from up to two weeks of history (hourly, daily and
 * weekly patterns included); the alarm fires when the metric stays above the band's upper edge.
 */
export interface ReadAnomalyBand {
  /**
   * The band's width in standard deviations: wider means fewer alarms. Must be above 0.
   * @default 3
   */
  readonly standardDeviations?: number;
  /**
   * The period each data point sums or averages.
   * @default Duration.minutes(5)
   */
  readonly period?: Duration;
  /**
   * How many consecutive periods above the band raise the alarm.
   * @default 3 (15 minutes with the default period)
   */
  readonly evaluationPeriods?: number;
}

/**
 * Documented facts the alarms rely on, kept as data with their source so a test pins each one.
 */
export const READ_VOLUME_METRICS = {
  /**
   * S3 request metrics (`GetRequests`, `BytesDownloaded`, 1-minute, namespace `AWS/S3`, dimensions
   * `BucketName` and `FilterId`) exist only for a bucket with a metrics configuration, and are billed
   * as custom metrics. Source: S3 User Guide, "Monitoring metrics with Amazon CloudWatch" /
   * "Creating a CloudWatch metrics configuration" (https://docs.aws.amazon.com/AmazonS3/latest/userguide/metrics-configurations.html).
   */
  s3: { namespace: 'AWS/S3', metrics: ['GetRequests', 'BytesDownloaded'], dimensions: ['BucketName', 'FilterId'] },
  /**
   * `ConsumedReadCapacityUnits` (namespace `AWS/DynamoDB`, dimension `TableName`), also for
   * on-demand tables. Source: DynamoDB Developer Guide, "DynamoDB Metrics and dimensions".
   */
  dynamodb: { namespace: 'AWS/DynamoDB', metrics: ['ConsumedReadCapacityUnits'], dimensions: ['TableName'] },
  /**
   * Aurora: `VolumeReadIOPs`, a cluster-level metric (dimension `DBClusterIdentifier`): billed read
   * I/O from the cluster volume. RDS instances: `ReadThroughput` (dimension `DBInstanceIdentifier`).
   * Source: Aurora User Guide, "Cluster-level metrics for Amazon Aurora"; RDS User Guide,
   * "Amazon CloudWatch metrics for Amazon RDS".
   */
  rds: { namespace: 'AWS/RDS', cluster: 'VolumeReadIOPs', instance: 'ReadThroughput' },
  /**
   * Anomaly-detection alarms compare with `GreaterThanUpperThreshold` against an
   * `ANOMALY_DETECTION_BAND(metric, stdDevs)` expression. Source: CloudWatch User Guide, "Using
   * CloudWatch anomaly detection" (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Anomaly_Detection.html).
   */
  comparison: 'GreaterThanUpperThreshold',
} as const;

/** The baseline's default band: three standard deviations, five-minute periods, fifteen minutes above it. */
export const DEFAULT_READ_ANOMALY_BAND: Required<ReadAnomalyBand> = { standardDeviations: 3, period: Duration.minutes(5), evaluationPeriods: 3 };

/** Props of {@link ReadAnomalyAlarms}. */
export interface ReadAnomalyAlarmsProps {
  /** The security topic the alarms notify (e.g. {@link SecurityAlarms.topic}). */
  readonly alertTopic: sns.ITopic;
  /**
   * The band of every store; a store's own band (given when it is added) overrides it.
   * @default DEFAULT_READ_ANOMALY_BAND
   */
  readonly band?: ReadAnomalyBand;
  /**
   * The S3 metrics configuration ID added to each bucket (its request metrics' `FilterId`).
   * @default 'dpp-read-volume'
   */
  readonly metricsConfigurationId?: string;
}

const NAME = 'ReadAnomalyAlarms';

/**
 * Investigative alarms on unexpected request rates and data retrieval volume of PII stores (DPP 3.6
 * Logging and Monitoring; DPP 2.7 Incident Response): a CloudWatch anomaly-detection alarm per
 * read-volume metric of each store, notifying the security topic when the volume stays above the
 * learnt band:
 * - S3 buckets: `GetRequests` and `BytesDownloaded` of a whole-bucket request-metrics
 *   configuration the construct adds to the bucket;
 * - DynamoDB tables: `ConsumedReadCapacityUnits`;
 * - Aurora clusters: `VolumeReadIOPs`; RDS instances: `ReadThroughput`.
 * Bands are tunable per construct and per store ({@link ReadAnomalyBand}); the alarm stays quiet
 * with no data (a store at rest is not an anomaly). The band needs about two weeks of history to
 * settle: expect noise in a new environment and widen the band of a store whose reads are bursty.
 */
export class ReadAnomalyAlarms extends Construct {
  /** The alarms, by `<store id>-<metric>`. */
  public readonly alarms: Record<string, cloudwatch.AnomalyDetectionAlarm> = {};
  private readonly props: ReadAnomalyAlarmsProps;
  private readonly band: Required<ReadAnomalyBand>;
  private readonly metricsConfigurationId: string;

  constructor(scope: Construct, id: string, props: ReadAnomalyAlarmsProps) {
    super(scope, id);
    this.props = props;
    this.band = requireBand('band', { ...DEFAULT_READ_ANOMALY_BAND, ...props.band });
    this.metricsConfigurationId = props.metricsConfigurationId ?? 'dpp-read-volume';
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(this.metricsConfigurationId)) invalidProp(NAME, 'metricsConfigurationId', `must be 1 to 64 letters, digits, '.', '_' or '-', got ${JSON.stringify(this.metricsConfigurationId)}`);
  }

  /** Adds a whole-bucket request-metrics configuration to the bucket and alarms on its reads. */
  public addBucket(id: string, bucket: s3.Bucket, band?: ReadAnomalyBand): cloudwatch.AnomalyDetectionAlarm[] {
    bucket.addMetric({ id: this.metricsConfigurationId });
    const s3Metrics = READ_VOLUME_METRICS.s3;
    return s3Metrics.metrics.map((metricName) => this.addAlarm(id, metricName, new cloudwatch.Metric({
      namespace: s3Metrics.namespace, metricName, dimensionsMap: { BucketName: bucket.bucketName, FilterId: this.metricsConfigurationId }, statistic: cloudwatch.Stats.SUM,
    }), `bucket ${id}`, band));
  }

  /** Alarms on a table's consumed read capacity. */
  public addTable(id: string, table: dynamodb.ITable, band?: ReadAnomalyBand): cloudwatch.AnomalyDetectionAlarm {
    return this.addAlarm(id, 'ConsumedReadCapacityUnits', table.metricConsumedReadCapacityUnits({ statistic: cloudwatch.Stats.SUM }), `table ${id}`, band);
  }

  /** Alarms on an Aurora cluster's volume read I/O or an RDS instance's read throughput. */
  public addDatabase(id: string, database: rds.IDatabaseCluster | rds.IDatabaseInstance, band?: ReadAnomalyBand): cloudwatch.AnomalyDetectionAlarm {
    const isCluster = 'clusterIdentifier' in database;
    const metricName = isCluster ? READ_VOLUME_METRICS.rds.cluster : READ_VOLUME_METRICS.rds.instance;
    return this.addAlarm(id, metricName, database.metric(metricName, { statistic: isCluster ? cloudwatch.Stats.SUM : cloudwatch.Stats.AVERAGE }), `database ${id}`, band);
  }

  private addAlarm(id: string, metricName: string, metric: cloudwatch.Metric, what: string, storeBand?: ReadAnomalyBand): cloudwatch.AnomalyDetectionAlarm {
    if (!/^[A-Za-z0-9-]{1,64}$/.test(id)) invalidProp(NAME, 'id', `must be 1 to 64 letters, digits or '-', got ${JSON.stringify(id)}`);
    const band = storeBand ? requireBand(`band of ${id}`, { ...this.band, ...storeBand }) : this.band;
    const key = `${id}-${metricName}`;
    const alarm = new cloudwatch.AnomalyDetectionAlarm(this, key, {
      alarmDescription: `DPP 3.6 / 2.7: ${metricName} of PII ${what} above its expected band (${band.standardDeviations} standard deviations, ${band.evaluationPeriods} × ${band.period.toMinutes()} min): an unexpected request rate or data retrieval volume. Follow the incident runbook (README, "Read-volume anomaly alarms").`,
      metric: metric.with({ period: band.period }),
      stdDevs: band.standardDeviations,
      evaluationPeriods: band.evaluationPeriods,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_UPPER_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.props.alertTopic));
    this.alarms[key] = alarm;
    return alarm;
  }
}

function requireBand(prop: string, band: Required<ReadAnomalyBand>): Required<ReadAnomalyBand> {
  if (!(band.standardDeviations > 0 && band.standardDeviations <= 10)) invalidProp(NAME, `${prop}.standardDeviations`, `must be above 0 and at most 10, got ${band.standardDeviations}`);
  const minutes = band.period.toMinutes({ integral: false });
  if (![1, 5, 10, 15, 30, 60].includes(minutes)) invalidProp(NAME, `${prop}.period`, `must be 1, 5, 10, 15, 30 or 60 minutes, got ${minutes}`);
  requireIntegerInRange(NAME, `${prop}.evaluationPeriods`, band.evaluationPeriods, 1, 24);
  return band;
}

import { Duration } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sns from 'aws-cdk-lib/aws-sns';
import { EncryptedDatabase } from '../../../constructs/data/encrypted-database';
import { PiiBucket } from '../../../constructs/data/pii-bucket';
import { PiiTable } from '../../../constructs/data/pii-table';
import { DEFAULT_READ_ANOMALY_BAND, READ_VOLUME_METRICS, ReadAnomalyAlarms } from '../../../constructs/detection/read-anomaly-alarms';
import { network } from '../fixtures';
import { dppErrorsAndAcknowledgments, resourcesOfType, stackWithoutBundling } from '../no-bundling';

describe('ReadAnomalyAlarms', () => {
  const { app, stack } = stackWithoutBundling();
  const { keys, network: vpc } = network(stack);
  const topic = new sns.Topic(stack, 'Topic', { enforceSSL: true, masterKey: keys.data });
  // The alarms publish here: a topic policy must let CloudWatch do so (DPP-3.6-AlarmTopicAllowsCloudWatch).
  topic.addToResourcePolicy(new iam.PolicyStatement({ principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')], actions: ['sns:Publish'], resources: [topic.topicArn], conditions: { StringEquals: { 'aws:SourceAccount': stack.account } } }));
  const bucket = new PiiBucket(stack, 'Orders', { encryptionKey: keys.data });
  const table = new PiiTable(stack, 'Customers', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING }, encryptionKey: keys.data });
  const database = new EncryptedDatabase(stack, 'Database', { network: vpc, keys });
  const alarms = new ReadAnomalyAlarms(stack, 'Anomalies', { alertTopic: topic });
  alarms.addBucket('orders', bucket.bucket);
  alarms.addTable('customers', table.table, { standardDeviations: 5, evaluationPeriods: 6 });
  alarms.addDatabase('database', database.cluster!);
  const template = Template.fromStack(stack);
  const id = (c: { node: { defaultChild?: unknown } }) => stack.resolve((c.node.defaultChild as { logicalId: string }).logicalId) as string;

  const alarmOn = (metricName: string): Record<string, any> => resourcesOfType(template, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties)
    .find((a) => a.Metrics?.some((m: { MetricStat?: { Metric: { MetricName: string } } }) => m.MetricStat?.Metric.MetricName === metricName)) ?? {};

  test('the bucket gets a whole-bucket request-metrics configuration (S3 request metrics exist only with one)', () => {
    template.hasResourceProperties('AWS::S3::Bucket', { MetricsConfigurations: [{ Id: 'dpp-read-volume' }] });
  });

  test.each([
    ['GetRequests', 'AWS/S3', { BucketName: 'bucket', FilterId: 'dpp-read-volume' }],
    ['BytesDownloaded', 'AWS/S3', { BucketName: 'bucket', FilterId: 'dpp-read-volume' }],
    ['ConsumedReadCapacityUnits', 'AWS/DynamoDB', { TableName: 'table' }],
    ['VolumeReadIOPs', 'AWS/RDS', { DBClusterIdentifier: 'cluster' }],
  ])('an anomaly-detection alarm on %s above the upper band, notifying the topic', (metricName, namespace, dimensions) => {
    const alarm = alarmOn(metricName);
    expect(alarm).toMatchObject({ ComparisonOperator: READ_VOLUME_METRICS.comparison, TreatMissingData: 'notBreaching', AlarmActions: [{ Ref: id(topic) }] });
    const stat = alarm.Metrics.find((m: { MetricStat?: unknown }) => m.MetricStat).MetricStat;
    expect(stat).toMatchObject({ Metric: { Namespace: namespace }, Period: 300, Stat: 'Sum' });
    expect(stat.Metric.Dimensions.map((d: { Name: string }) => d.Name).sort()).toEqual(Object.keys(dimensions).sort());
  });

  test('the default band is 3 standard deviations over 3 five-minute periods; a store may set its own', () => {
    expect(DEFAULT_READ_ANOMALY_BAND).toEqual({ standardDeviations: 3, period: Duration.minutes(5), evaluationPeriods: 3 });
    const band = (metricName: string) => alarmOn(metricName).Metrics.find((m: { Expression?: string }) => m.Expression).Expression;
    expect(band('GetRequests')).toMatch(/^ANOMALY_DETECTION_BAND\(m\d+, ?3\)$/);
    expect(alarmOn('GetRequests').EvaluationPeriods).toBe(3);
    expect(band('ConsumedReadCapacityUnits')).toMatch(/, ?5\)$/);
    expect(alarmOn('ConsumedReadCapacityUnits').EvaluationPeriods).toBe(6);
    expect(alarmOn('GetRequests').ThresholdMetricId).toBe(alarmOn('GetRequests').Metrics.find((m: { Expression?: string }) => m.Expression).Id);
  });

  test('the stack passes the DPP pack', () => {
    expect(dppErrorsAndAcknowledgments(app).errors).toEqual([]);
  });

  test('rejects bands CloudWatch would not take', () => {
    const { stack: other } = stackWithoutBundling();
    const alertTopic = new sns.Topic(other, 'T');
    expect(() => new ReadAnomalyAlarms(other, 'A', { alertTopic, band: { standardDeviations: 0 } })).toThrow('ReadAnomalyAlarms: band.standardDeviations must be above 0 and at most 10, got 0');
    expect(() => new ReadAnomalyAlarms(other, 'B', { alertTopic, band: { period: Duration.minutes(7) } })).toThrow('ReadAnomalyAlarms: band.period must be 1, 5, 10, 15, 30 or 60 minutes, got 7');
    expect(() => new ReadAnomalyAlarms(other, 'C', { alertTopic, metricsConfigurationId: 'no spaces' })).toThrow(/^ReadAnomalyAlarms: metricsConfigurationId/);
    const ok = new ReadAnomalyAlarms(other, 'D', { alertTopic });
    const table2 = new dynamodb.Table(other, 'Tbl', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } });
    expect(() => ok.addTable('t', table2, { evaluationPeriods: 0 })).toThrow('ReadAnomalyAlarms: band of t.evaluationPeriods must be an integer from 1 to 24, got 0');
  });
});

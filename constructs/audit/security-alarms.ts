import { Duration, RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { PURPOSE_SECURITY_ALERTS, TAG_CLASSIFICATION, TAG_DATA_ORIGIN, TAG_PURPOSE } from '../../lib/checks/vocabulary';
import { invalidProp } from '../common/validate';
import { CIS_METRIC_FILTERS, type CisMetricFilter } from './cis-metric-filters';
import { retainExceptOnCreate } from '../common/removal';
import { recordCreationTrace } from '../common/creation-trace';

/** Props of {@link SecurityAlarms}. */
export interface SecurityAlarmsProps {
  /** Where security alerts are e-mailed (the subscription must be confirmed from the e-mail). */
  readonly alertEmail: string;
  /** The CloudTrail log group the metric filters read (e.g. {@link AuditTrail.logGroup}). */
  readonly trailLogGroup: logs.ILogGroup;
  /**
   * The key the topic is encrypted with. Its policy must let CloudWatch and EventBridge use it.
   * @default - a dedicated customer-managed key with rotation, whose policy allows both
   */
  readonly encryptionKey?: kms.IKey;
  /**
   * The CloudWatch namespace of the metrics.
   * @default 'DPP/CloudTrail'
   */
  readonly metricNamespace?: string;
  /**
   * What happens to the key when it leaves the stack.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

const NAME = 'SecurityAlarms';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The security alerting of an environment (DPP 2.7 Incident Response, DPP 3.6 Logging and
 * Monitoring):
 * - the **security topic**: an SNS topic encrypted with a customer KMS key (whose policy lets
 *   CloudWatch alarms and EventBridge rules of this account publish), refusing requests without
 *   TLS (DPP 2.5), tagged `dpp:purpose=security-alerts`, with the configured e-mail subscription;
 *   the account lockout and the detective services report to it too;
 * - a metric filter and an alarm per event of the CIS CloudWatch set (unauthorised API calls,
 *   console sign-in without MFA, root use, IAM policy, CloudTrail, console authentication
 *   failures, KMS key disabling or deletion, S3 bucket policy, Config, security group, network
 *   ACL, network gateway, route table, VPC and Organizations changes), each alarm notifying the
 *   topic on the first matching event.
 */
export class SecurityAlarms extends Construct {
  public readonly topic: sns.Topic;
  public readonly encryptionKey: kms.IKey;
  /** The alarms, by CIS filter ID (`RootAccountUsage`, …). */
  public readonly alarms: Readonly<Record<string, cloudwatch.Alarm>>;
  private readonly namespace: string;
  private readonly trailLogGroup: logs.ILogGroup;

  constructor(scope: Construct, id: string, props: SecurityAlarmsProps) {
    super(scope, id);
    recordCreationTrace(this, new.target);
    if (!EMAIL.test(props.alertEmail)) invalidProp(NAME, 'alertEmail', `must be an e-mail address, got ${JSON.stringify(props.alertEmail)}`);
    this.namespace = props.metricNamespace ?? 'DPP/CloudTrail';
    if (!/^[A-Za-z0-9._/#:-]{1,255}$/.test(this.namespace) || this.namespace.startsWith('AWS/')) {
      invalidProp(NAME, 'metricNamespace', `must be 1 to 255 of letters, digits and . _ / # : - and not start with AWS/, got ${JSON.stringify(this.namespace)}`);
    }
    this.trailLogGroup = props.trailLogGroup;

    this.encryptionKey = props.encryptionKey ?? new kms.Key(this, 'Key', {
      description: 'DPP 2.7: encrypts the security alerts topic',
      enableKeyRotation: true,
      removalPolicy: retainExceptOnCreate(props.removalPolicy),
      pendingWindow: Duration.days(30),
    });
    const { account } = Stack.of(this);
    this.encryptionKey.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'AlarmsAndRulesOfThisAccountPublish',
      principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com'), new iam.ServicePrincipal('events.amazonaws.com')],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:SourceAccount': account } },
    }));

    this.topic = new sns.Topic(this, 'Topic', {
      displayName: 'DPP security alerts',
      masterKey: this.encryptionKey,
      enforceSSL: true,
    });
    // A topic policy replaces SNS's default one, which let the account's own principals publish: without
    // this statement CloudWatch alarm actions fail with "not authorized to perform: SNS:Publish".
    // Scoped to alarms of this account (confused-deputy prevention with aws:SourceAccount / aws:SourceArn).
    // Source: https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-use-cases.html and
    // https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Notify_Users_Alarm_Changes.html
    const { partition, region } = Stack.of(this);
    this.topic.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'CloudWatchAlarmsOfThisAccountPublish',
      principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
      actions: ['sns:Publish'],
      resources: [this.topic.topicArn],
      conditions: {
        StringEquals: { 'aws:SourceAccount': account },
        ArnLike: { 'aws:SourceArn': `arn:${partition}:cloudwatch:${region}:${account}:alarm:*` },
      },
    }));
    Tags.of(this.topic).add(TAG_PURPOSE, PURPOSE_SECURITY_ALERTS);
    Tags.of(this.topic).add(TAG_DATA_ORIGIN, 'internal');
    Tags.of(this.topic).add(TAG_CLASSIFICATION, 'confidential');
    this.topic.addSubscription(new subscriptions.EmailSubscription(props.alertEmail));

    const alarms: Record<string, cloudwatch.Alarm> = {};
    for (const filter of CIS_METRIC_FILTERS) alarms[filter.id] = this.addCisAlarm(filter);
    this.alarms = alarms;
  }

  /** Adds a metric filter on the trail's log group and an alarm, notifying the topic, on its first match. */
  public addCisAlarm(filter: CisMetricFilter): cloudwatch.Alarm {
    const metricFilter = new logs.MetricFilter(this, `${filter.id}Filter`, {
      logGroup: this.trailLogGroup,
      filterPattern: logs.FilterPattern.literal(filter.pattern),
      metricNamespace: this.namespace,
      metricName: filter.id,
      metricValue: '1',
    });
    const alarm = new cloudwatch.Alarm(this, `${filter.id}Alarm`, {
      alarmDescription: `DPP 3.6 / ${filter.control}: ${filter.description} (CloudTrail)`,
      metric: metricFilter.metric({ statistic: cloudwatch.Stats.SUM, period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.topic));
    return alarm;
  }
}

import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

/**
 * Amazon Macie publishes each new finding (sensitive data found, policy findings) to EventBridge
 * as source `aws.macie`, detail-type `Macie Finding` (Macie User Guide, "Amazon EventBridge event
 * schema for Macie findings": https://docs.aws.amazon.com/macie/latest/user/findings-publish-event-schemas.html).
 */
export const MACIE_FINDING_EVENT = { source: 'aws.macie', detailType: 'Macie Finding' } as const;

/** Props of {@link DataLossAlerts}. */
export interface DataLossAlertsProps {
  /** The security topic (e.g. {@link SecurityAlarms.topic}). */
  readonly alertTopic: sns.ITopic;
}

/**
 * PII beyond its protected boundaries (DPP 3.3 data loss prevention, DPP 3.6 investigative
 * alarms): every Amazon Macie finding — sensitive data found in a bucket, a bucket made public or
 * shared — goes to the security topic. Macie must be enabled in the account (`DetectiveServices`
 * or the organization's administrator). GuardDuty's S3 protection findings (exfiltration patterns)
 * already reach the topic through `DetectiveServices`.
 */
export class DataLossAlerts extends Construct {
  public readonly macieFindings: events.Rule;

  constructor(scope: Construct, id: string, props: DataLossAlertsProps) {
    super(scope, id);
    this.macieFindings = new events.Rule(this, 'MacieFindings', {
      description: 'DPP 3.3 / 3.6: Amazon Macie findings (PII found beyond its stores, buckets exposed) to the security topic',
      eventPattern: { source: [MACIE_FINDING_EVENT.source], detailType: [MACIE_FINDING_EVENT.detailType] },
      targets: [new targets.SnsTopic(props.alertTopic)],
    });
  }
}

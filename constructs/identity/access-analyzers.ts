import * as accessanalyzer from 'aws-cdk-lib/aws-accessanalyzer';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { policyOf } from '../../lib/policy/context';
import { requireIntegerInRange } from '../common/validate';

/**
 * Documented facts the construct relies on, kept as data with their source so a test pins each:
 * - analyzer types `ACCOUNT` (external access) and `ACCOUNT_UNUSED_ACCESS`, whose
 *   `UnusedAccessAge` is 1 to 365 days (AWS::AccessAnalyzer::Analyzer, UnusedAccessConfiguration:
 *   https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-accessanalyzer-analyzer-unusedaccessconfiguration.html);
 * - Access Analyzer sends `Access Analyzer Finding` and `Unused Access Finding for IAM entities`
 *   events, source `aws.access-analyzer`, to EventBridge (EventBridge Events Reference, "AWS
 *   Identity and Access Management Access Analyzer events").
 */
export const ACCESS_ANALYZER_FACTS = {
  externalType: 'ACCOUNT',
  unusedType: 'ACCOUNT_UNUSED_ACCESS',
  unusedAccessAgeDays: { min: 1, max: 365 },
  source: 'aws.access-analyzer',
  detailTypes: ['Access Analyzer Finding', 'Unused Access Finding for IAM entities'],
} as const;

/** Props of {@link AccessAnalyzers}. */
export interface AccessAnalyzersProps {
  /** The security topic findings are routed to (e.g. {@link SecurityAlarms.topic}). */
  readonly alertTopic: sns.ITopic;
  /**
   * Days without use after which a role, user, access key, password or permission is reported
   * (DPP 2.2 Access Management: users inactive longer than the profile allows).
   * @default - the profile's inactivity limit (`inactiveDays`, 90 days under dpp)
   */
  readonly unusedAccessAgeDays?: number;
  /**
   * Whether to add the unused-access analyzer (billed per IAM role and user analysed per month).
   * @default true
   */
  readonly unusedAccess?: boolean;
}

const NAME = 'AccessAnalyzers';

/**
 * Access baselining (DPP 2.2 Access Management: "only the required user accounts access
 * Information"): IAM Access Analyzer for the account — an external-access analyzer (resources
 * shared outside the account: buckets, keys, roles, queues, secrets…) and an unused-access
 * analyzer (roles, users, access keys, passwords and permissions unused for 90 days) — with every
 * new or changed finding routed to the security topic by an EventBridge rule.
 */
export class AccessAnalyzers extends Construct {
  public readonly externalAccess: accessanalyzer.CfnAnalyzer;
  public readonly unusedAccess?: accessanalyzer.CfnAnalyzer;
  public readonly findingsRule: events.Rule;

  constructor(scope: Construct, id: string, props: AccessAnalyzersProps) {
    super(scope, id);
    const { min, max } = ACCESS_ANALYZER_FACTS.unusedAccessAgeDays;
    const { inactiveDays } = policyOf(this).values;
    const age = requireIntegerInRange(NAME, 'unusedAccessAgeDays', props.unusedAccessAgeDays ?? inactiveDays, min, Math.min(max, inactiveDays), `DPP 2.2 Access Management: accounts unused for more than ${inactiveDays} days are stale`);

    this.externalAccess = new accessanalyzer.CfnAnalyzer(this, 'ExternalAccess', { type: ACCESS_ANALYZER_FACTS.externalType, analyzerName: 'dpp-external-access' });
    if (props.unusedAccess ?? true) {
      this.unusedAccess = new accessanalyzer.CfnAnalyzer(this, 'UnusedAccess', {
        type: ACCESS_ANALYZER_FACTS.unusedType,
        analyzerName: 'dpp-unused-access',
        analyzerConfiguration: { unusedAccessConfiguration: { unusedAccessAge: age } },
      });
    }
    this.findingsRule = new events.Rule(this, 'Findings', {
      description: 'DPP 2.2: IAM Access Analyzer findings (external and unused access) to the security topic',
      eventPattern: {
        source: [ACCESS_ANALYZER_FACTS.source],
        // Every status: a finding resolved or archived by someone is worth seeing too.
        detailType: [...ACCESS_ANALYZER_FACTS.detailTypes],
      },
      targets: [new targets.SnsTopic(props.alertTopic)],
    });
  }
}

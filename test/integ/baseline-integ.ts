import { gzipSync } from 'node:zlib';
import { ExpectedResult, IntegTest, InvocationType, Match } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { AuditTrail } from '../../constructs/audit/audit-trail';
import type { SecurityAlarms } from '../../constructs/audit/security-alarms';
import { SECURITY_HUB_STANDARDS, type DetectiveServices } from '../../constructs/detection/detective-services';
import type { AccountLockout } from '../../constructs/identity/account-lockout';
import { BaselineStack } from '../../lib/baseline/baseline-stack';
import { environmentSchema } from '../../lib/config';

/** Where the integration test deploys: a sandbox account without another DPP baseline (the IAM group names and key aliases are fixed). */
export interface IntegTarget {
  readonly account: string;
  readonly region: string;
}

/** The account and region a snapshot is synthesized for, when no AWS environment is given. */
export const SNAPSHOT_TARGET: IntegTarget = { account: '111111111111', region: 'eu-west-1' };

/** The throw-away IAM user the lockout test locks (a fixed name: the synthetic CloudTrail records name it). */
export const LOCKOUT_PROBE_USER = 'dpp-integ-lockout-probe';
/** When the synthetic failed sign-ins happened: fixed, so the snapshot is stable (the handler counts by event time). */
const SIGN_IN_TIME = Date.parse('2026-01-01T00:00:00Z');
const MAX_FAILURES = 5;

/**
 * The integration test of a test environment (`@aws-cdk/integ-tests-alpha`): the baseline stack as
 * `cdk deploy` makes it, a probe stack (an SQS queue subscribed to the security topic, two
 * throw-away IAM users) and assertions made through AWS API calls once both are deployed.
 */
export function buildIntegApp(app: App, target: IntegTarget): IntegTest {
  const { account, region } = target;
  const config = environmentSchema.parse({
    account, region, availabilityZones: [`${region}a`, `${region}b`], approvedCidrs: ['203.0.113.0/24'], alertEmail: 'dpp-integ@example.com',
  });
  const baseline = new BaselineStack(app, 'DppInteg-test', { environmentName: 'test', config });
  const alarms = baseline.node.findChild('SecurityAlarms') as SecurityAlarms;
  const trail = baseline.node.findChild('AuditTrail') as AuditTrail;
  const lockout = baseline.node.findChild('AccountLockout') as AccountLockout;
  const detective = baseline.node.findChild('DetectiveServices') as DetectiveServices;

  const probe = new Stack(app, 'DppInteg-probe', { env: { account, region }, description: 'DPP baseline integration test: probes (deleted with the test)' });
  probe.addStackDependency(baseline);
  const queue = new sqs.Queue(probe, 'AlertsQueue', { encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.hours(1) });
  queue.addToResourcePolicy(new iam.PolicyStatement({
    principals: [new iam.ServicePrincipal('sns.amazonaws.com')],
    actions: ['sqs:SendMessage'],
    resources: [queue.queueArn],
    conditions: { ArnEquals: { 'aws:SourceArn': alarms.topic.topicArn } },
  }));
  new sns.Subscription(probe, 'AlertsSubscription', { topic: alarms.topic, protocol: sns.SubscriptionProtocol.SQS, endpoint: queue.queueArn });
  const mfaProbe = new iam.User(probe, 'MfaProbe', { groups: [iam.Group.fromGroupName(probe, 'Developers', 'dpp-developers')] });
  new iam.User(probe, 'LockoutProbe', { userName: LOCKOUT_PROBE_USER });

  // The assertions call the account's APIs and the lockout function: same account and region.
  const assertionStack = new Stack(app, 'DppInteg-assertions', { env: { account, region }, description: 'DPP baseline integration test: assertions' });
  const integ = new IntegTest(app, 'DppBaselineInteg', { testCases: [baseline, probe], assertionStack, diffAssets: false });
  const assert = integ.assertions;

  // DPP 2.4: the account password policy reads back with the configured values.
  assert.awsApiCall('IAM', 'getAccountPasswordPolicy').expect(ExpectedResult.objectLike({
    PasswordPolicy: {
      MinimumPasswordLength: 14, RequireSymbols: true, RequireNumbers: true, RequireUppercaseCharacters: true, RequireLowercaseCharacters: true,
      MaxPasswordAge: 90, PasswordReusePrevention: 24,
    },
  }));

  // DPP 2.4: the MFA policy denies a human group's member without MFA, and not with it (IAM policy simulator).
  const simulate = (mfa: boolean) => assert.awsApiCall('IAM', 'simulatePrincipalPolicy', {
    PolicySourceArn: mfaProbe.userArn,
    ActionNames: ['s3:ListAllMyBuckets'],
    ContextEntries: [{ ContextKeyName: 'aws:MultiFactorAuthPresent', ContextKeyType: 'boolean', ContextKeyValues: [String(mfa)] }],
  });
  simulate(false).expect(ExpectedResult.objectLike({ EvaluationResults: [Match.objectLike({ EvalDecision: 'explicitDeny' })] }));
  simulate(true).expect(ExpectedResult.objectLike({ EvaluationResults: [Match.objectLike({ EvalDecision: 'allowed' })] }));

  // DPP 3.6: the trail is logging, multi-region, with log-file validation.
  assert.awsApiCall('CloudTrail', 'getTrailStatus', { Name: trail.trail.trailArn }).expect(ExpectedResult.objectLike({ IsLogging: true }));
  assert.awsApiCall('CloudTrail', 'describeTrails', { trailNameList: [trail.trail.trailArn] })
    .expect(ExpectedResult.objectLike({ trailList: [Match.objectLike({ IsMultiRegionTrail: true, LogFileValidationEnabled: true })] }));

  // DPP 3.3: every Config rule exists, is active and has evaluated (a rule in error never starts).
  for (const rule of detective.configRules) {
    assert.awsApiCall('ConfigService', 'describeConfigRules', { ConfigRuleNames: [rule.configRuleName] })
      .expect(ExpectedResult.objectLike({ ConfigRules: [Match.objectLike({ ConfigRuleState: 'ACTIVE' })] }));
    assert.awsApiCall('ConfigService', 'describeConfigRuleEvaluationStatus', { ConfigRuleNames: [rule.configRuleName] })
      .expect(ExpectedResult.objectLike({ ConfigRulesEvaluationStatus: [Match.objectLike({ FirstEvaluationStarted: true })] }))
      .waitForAssertions({ totalTimeout: Duration.minutes(15), interval: Duration.seconds(30) });
  }

  // DPP 2.7 / 3.6: an alarm set to ALARM reaches the topic (the queue subscribed for the test receives it).
  const alarm = alarms.alarms.RootAccountUsage ?? Object.values(alarms.alarms)[0];
  assert.awsApiCall('CloudWatch', 'setAlarmState', { AlarmName: alarm.alarmName, StateValue: 'ALARM', StateReason: 'DPP integration test' })
    .next(assert.awsApiCall('SQS', 'receiveMessage', { QueueUrl: queue.queueUrl, WaitTimeSeconds: 20, MaxNumberOfMessages: 10, VisibilityTimeout: 0 })
      .expect(ExpectedResult.objectLike({ Messages: Match.arrayWith([Match.objectLike({ Body: Match.stringLikeRegexp('ALARM') })]) }))
      .waitForAssertions({ totalTimeout: Duration.minutes(5), interval: Duration.seconds(10) }));

  // DPP 2.2: failed console sign-ins of the throw-away user, as the trail's log-group subscription delivers them
  // (from three regions), lock the user once and notify once; the lock is then lifted so the user can be deleted.
  const outcomes = Array.from({ length: MAX_FAILURES }, (_, i) => i + 1 < MAX_FAILURES
    ? { kind: 'counted', userName: LOCKOUT_PROBE_USER, failures: i + 1 }
    : { kind: 'locked', userName: LOCKOUT_PROBE_USER, failures: i + 1, notified: true });
  assert.invokeFunction({ functionName: lockout.handler.function.functionName, invocationType: InvocationType.REQUEST_RESPONSE, payload: JSON.stringify(failedSignIns(account)) })
    .expect(ExpectedResult.objectLike({ StatusCode: 200, Payload: JSON.stringify(outcomes) }))
    .next(assert.awsApiCall('IAM', 'listAttachedUserPolicies', { UserName: LOCKOUT_PROBE_USER })
      .expect(ExpectedResult.objectLike({ AttachedPolicies: [Match.objectLike({ PolicyArn: lockout.denyAllPolicy.managedPolicyArn })] })))
    .next(assert.awsApiCall('IAM', 'detachUserPolicy', { UserName: LOCKOUT_PROBE_USER, PolicyArn: lockout.denyAllPolicy.managedPolicyArn }));

  // DPP 2.7: GuardDuty is on, and Security Hub runs both standards.
  if (detective.guardDutyDetector) {
    assert.awsApiCall('GuardDuty', 'getDetector', { DetectorId: detective.guardDutyDetector.ref }).expect(ExpectedResult.objectLike({ Status: 'ENABLED' }));
  }
  for (const standard of Object.values(SECURITY_HUB_STANDARDS)) {
    assert.awsApiCall('SecurityHub', 'getEnabledStandards', {})
      .expect(ExpectedResult.objectLike({ StandardsSubscriptions: Match.arrayWith([Match.objectLike({ StandardsArn: Match.stringLikeRegexp(standard), StandardsStatus: 'READY' })]) }))
      .waitForAssertions({ totalTimeout: Duration.minutes(10), interval: Duration.seconds(30) });
  }
  return integ;
}

/** A CloudWatch Logs subscription delivery of failed console sign-ins of the probe user, one per region signed into. */
function failedSignIns(account: string): { awslogs: { data: string } } {
  const regions = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
  const logEvents = Array.from({ length: MAX_FAILURES }, (_, i) => {
    const eventTime = new Date(SIGN_IN_TIME + i * 1000).toISOString();
    const record = {
      eventVersion: '1.08', eventSource: 'signin.amazonaws.com', eventName: 'ConsoleLogin', eventType: 'AwsConsoleSignIn',
      eventID: `dpp-integ-${i}`, eventTime, awsRegion: regions[i % regions.length], recipientAccountId: account, sourceIPAddress: '203.0.113.10',
      userIdentity: { type: 'IAMUser', accountId: account, userName: LOCKOUT_PROBE_USER },
      responseElements: { ConsoleLogin: 'Failure' }, errorMessage: 'Failed authentication',
    };
    return { id: `dpp-integ-${i}`, timestamp: SIGN_IN_TIME + i * 1000, message: JSON.stringify(record) };
  });
  const batch = { messageType: 'DATA_MESSAGE', owner: account, logGroup: 'dpp-integ', logStream: 'dpp-integ', subscriptionFilters: ['dpp-integ'], logEvents };
  return { awslogs: { data: gzipSync(JSON.stringify(batch)).toString('base64') } };
}

/**
 * Synthesizes an integration test app for the account and region of the AWS profile the CDK CLI
 * runs with (`npm run integ`), or the snapshot's placeholders when there is none.
 */
export function synthIntegApp(build: (app: App, target: IntegTarget) => unknown): void {
  const app = new App();
  build(app, {
    account: process.env.CDK_DEFAULT_ACCOUNT || SNAPSHOT_TARGET.account,
    region: process.env.CDK_DEFAULT_REGION || SNAPSHOT_TARGET.region,
  });
  app.synth();
}

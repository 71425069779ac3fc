import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack, Tags, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { CIS_METRIC_FILTERS } from '../../constructs/audit/cis-metric-filters';
import { CONSOLE_SIGN_IN_FAILURE_FILTER } from '../../constructs/identity/account-lockout';
import { EncryptionKeys } from '../../constructs/security/keys';
import { addIdentityAndAudit, CONFIG_EXISTING_REASON, CONFIG_OFF_REASON, CONFIG_RECORDER_RULE, type IdentityAndAudit } from '../../lib/baseline/identity-audit';
import type { NetworkAndData } from '../../lib/baseline/network-data';
import { DppChecks } from '../../lib/checks/nag-pack';
import { TAG_ENVIRONMENT } from '../../lib/checks/vocabulary';
import { environmentSchema, type EnvironmentConfig, type EnvironmentName } from '../../lib/config';
import { acknowledgmentsOf } from '../constructs/fixtures';
import { dppErrorsAndAcknowledgments, resourcesOfType } from '../constructs/no-bundling';

const CONFIGS: Record<EnvironmentName, EnvironmentConfig> = {
  test: environmentSchema.parse({
    account: '111111111111', region: 'eu-west-1', availabilityZones: ['eu-west-1a'], approvedCidrs: ['203.0.113.0/24'],
    alertEmail: 'alerts-test@example.com', logRetentionDays: 100,
  }),
  prod: environmentSchema.parse({
    account: '222222222222', region: 'eu-west-1', availabilityZones: ['eu-west-1a'], approvedCidrs: ['198.51.100.0/24'],
    alertEmail: 'alerts@example.com',
  }),
};

/** Of the network and data part (another part of the baseline), this wiring uses only the keys: the logs key encrypts the handlers' log groups. */
function keysOnly(stack: Stack): NetworkAndData {
  return { keys: new EncryptionKeys(stack, 'Keys') } as NetworkAndData;
}

function newApp(): App {
  return new App({
    builtinCloudFormationValidation: false,
    outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-identity-audit-')),
    context: { 'aws:cdk:bundling-stacks': [] },
  });
}

/** A stack tagged with its environment as BaselineStack tags it (the app-level rules group stacks by it), wired. */
function wire(app: App, environment: EnvironmentName, config: EnvironmentConfig): { stack: Stack; parts: IdentityAndAudit } {
  const stack = new Stack(app, `Baseline-${environment}`, { env: { account: config.account, region: config.region } });
  Tags.of(stack).add(TAG_ENVIRONMENT, environment);
  return { stack, parts: addIdentityAndAudit(stack, { name: environment, kind: environment === 'prod' ? 'prod' : 'test' }, config, keysOnly(stack)) };
}

describe('addIdentityAndAudit (default features, test and prod)', () => {
  let app: App;
  const templates = {} as Record<EnvironmentName, Template>;
  const parts = {} as Record<EnvironmentName, IdentityAndAudit>;

  beforeAll(() => {
    app = newApp();
    const stacks = {} as Record<EnvironmentName, Stack>;
    for (const environment of ['test', 'prod'] as const) {
      const wired = wire(app, environment, CONFIGS[environment]);
      parts[environment] = wired.parts;
      stacks[environment] = wired.stack;
    }
    for (const environment of ['test', 'prod'] as const) templates[environment] = Template.fromStack(stacks[environment]);
  });

  test.each(['test', 'prod'] as const)('%s: password policy, MFA enforcement, lockout, trail, alarms, detective services and user pool', (environment) => {
    const template = templates[environment];
    template.resourceCountIs('Custom::AccountPasswordPolicy', 1);
    template.resourceCountIs('AWS::IAM::Group', 3);
    template.resourceCountIs('AWS::IAM::User', 0);
    template.hasResourceProperties('AWS::Logs::SubscriptionFilter', { FilterPattern: CONSOLE_SIGN_IN_FAILURE_FILTER });
    template.resourceCountIs('AWS::CloudTrail::Trail', 1);
    template.hasResourceProperties('AWS::S3::Bucket', { ObjectLockEnabled: true });
    for (const type of ['AWS::GuardDuty::Detector', 'AWS::SecurityHub::Hub', 'AWS::Config::ConfigurationRecorder', 'AWS::Macie::Session', 'Custom::InspectorEnablement', 'AWS::Cognito::UserPool']) {
      template.resourceCountIs(type, 1);
    }
  });

  test.each(['test', 'prod'] as const)('%s: 14+ alarms, every one notifying the encrypted security topic subscribed by the configured address', (environment) => {
    const template = templates[environment];
    const topicId = Stack.of(parts[environment].alarms).resolve((parts[environment].alarms.topic.node.defaultChild as any).logicalId);
    const alarms = resourcesOfType(template, 'AWS::CloudWatch::Alarm');
    expect(alarms.length).toBeGreaterThanOrEqual(14);
    expect(alarms).toHaveLength(CIS_METRIC_FILTERS.length);
    for (const [, alarm] of alarms) expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: CONFIGS[environment].alertEmail });
  });

  test('log retention follows the configuration (100 days becomes the 120-day step) and is a year by default', () => {
    const retentions = (environment: EnvironmentName) => new Set(resourcesOfType(templates[environment], 'AWS::Logs::LogGroup').map(([, g]) => g.Properties.RetentionInDays));
    expect(retentions('test')).toEqual(new Set([120]));
    expect(retentions('prod')).toEqual(new Set([365]));
  });

  test('prod is protected: user pool and lockout table deletion protection; test can be torn down', () => {
    templates.prod.hasResource('AWS::Cognito::UserPool', { Properties: Match.objectLike({ DeletionProtection: 'ACTIVE' }), DeletionPolicy: 'Retain' });
    templates.prod.hasResourceProperties('AWS::DynamoDB::Table', { DeletionProtectionEnabled: true });
    templates.test.hasResource('AWS::Cognito::UserPool', { Properties: Match.objectLike({ DeletionProtection: 'INACTIVE' }), DeletionPolicy: 'Delete' });
    templates.test.hasResourceProperties('AWS::DynamoDB::Table', { DeletionProtectionEnabled: false });
    // Audit evidence is kept in both.
    templates.test.hasResource('AWS::S3::Bucket', { Properties: Match.objectLike({ ObjectLockEnabled: true }), DeletionPolicy: 'Retain' });
  });

  test('developers may deploy in test only', () => {
    expect(parts.test.mfa.developers.node.tryFindChild('DefaultPolicy')).toBeDefined();
    expect(parts.prod.mfa.developers.node.tryFindChild('DefaultPolicy')).toBeUndefined();
  });

  test('the lockout counts failed sign-ins of every region from the multi-region trail\'s log group; no stack in another region', () => {
    for (const environment of ['test', 'prod'] as const) {
      const template = templates[environment];
      const [[trailLogGroup]] = resourcesOfType(template, 'AWS::Logs::LogGroup').filter(([id]) => id.startsWith('AuditTrailLogGroup'));
      template.hasResourceProperties('AWS::CloudTrail::Trail', { IsMultiRegionTrail: true, CloudWatchLogsLogGroupArn: { 'Fn::GetAtt': [trailLogGroup, 'Arn'] } });
      template.hasResourceProperties('AWS::Logs::SubscriptionFilter', {
        LogGroupName: { Ref: trailLogGroup },
        FilterPattern: CONSOLE_SIGN_IN_FAILURE_FILTER,
        DestinationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AccountLockoutHandlerFunction'), 'Arn'] },
      });
      // One path: an EventBridge rule too would hand the handler the same failure twice.
      expect(resourcesOfType(template, 'AWS::Events::Rule').filter(([id]) => id.startsWith('AccountLockout'))).toEqual([]);
    }
    expect(app.node.findAll().filter((c) => Stack.isStack(c))).toHaveLength(2);
  });

  test('the DPP pack finds no error in any stack', () => {
    expect(dppErrorsAndAcknowledgments(app).errors).toEqual([]);
  });
});

describe('addIdentityAndAudit (the organization already runs the detective services)', () => {
  test('"existing" services: no conflicting resource, the DPP Config rules and finding routes kept, the recorder rule acknowledged with that reason', () => {
    const existing = environmentSchema.parse({
      account: '111111111111', region: 'us-east-1', availabilityZones: ['us-east-1a'], approvedCidrs: ['203.0.113.0/24'], alertEmail: 'alerts@example.com',
      features: { guardDuty: 'existing', securityHub: 'existing', config: 'existing', macie: 'existing', inspector: 'existing' },
    });
    const app = newApp();
    const { stack } = wire(app, 'test', existing);
    const template = Template.fromStack(stack);
    for (const type of ['AWS::GuardDuty::Detector', 'AWS::SecurityHub::Hub', 'AWS::Config::ConfigurationRecorder', 'AWS::Config::DeliveryChannel', 'AWS::Macie::Session', 'Custom::InspectorEnablement']) {
      template.resourceCountIs(type, 0);
    }
    template.resourceCountIs('AWS::Config::ConfigRule', 12);
    expect(acknowledgmentsOf(stack)).toEqual({ [CONFIG_RECORDER_RULE]: CONFIG_EXISTING_REASON });
    const { errors, acknowledged } = dppErrorsAndAcknowledgments(app);
    expect(errors).toEqual([]);
    expect(acknowledged.filter((f) => f.level === 'error')).toEqual([expect.objectContaining({ ruleId: 'DPP-3.3-ConfigRecorderPresent', reason: CONFIG_EXISTING_REASON })]);
  });
});

describe('addIdentityAndAudit (us-east-1, every optional feature off)', () => {
  const config = environmentSchema.parse({
    account: '111111111111', region: 'us-east-1', availabilityZones: ['us-east-1a'], approvedCidrs: ['203.0.113.0/24'], alertEmail: 'alerts@example.com',
    features: { guardDuty: false, securityHub: false, config: false, macie: false, inspector: false, userPool: false },
  });
  let app: App;
  let stack: Stack;
  let parts: IdentityAndAudit;
  let template: Template;

  beforeAll(() => {
    app = newApp();
    ({ stack, parts } = wire(app, 'test', config));
    template = Template.fromStack(stack);
  });

  test('one stack', () => {
    expect(app.node.findAll().filter((c) => Stack.isStack(c))).toHaveLength(1);
  });

  test('the turned-off services are absent; identity and audit stay', () => {
    for (const type of ['AWS::GuardDuty::Detector', 'AWS::SecurityHub::Hub', 'AWS::Config::ConfigurationRecorder', 'AWS::Macie::Session', 'Custom::InspectorEnablement', 'AWS::Cognito::UserPool']) {
      template.resourceCountIs(type, 0);
    }
    expect(parts.userPool).toBeUndefined();
    template.resourceCountIs('Custom::AccountPasswordPolicy', 1);
    template.resourceCountIs('AWS::CloudTrail::Trail', 1);
  });

  test('the missing Config recorder is acknowledged on the stack with the reason', () => {
    expect(acknowledgmentsOf(stack)).toEqual({ [CONFIG_RECORDER_RULE]: CONFIG_OFF_REASON });
    expect(CONFIG_OFF_REASON).toBe("AWS Config is run by the organization's administrator account (features.config=false)");
  });

  test('the DPP pack reports only that acknowledged finding, and synth with the pack passes', () => {
    const { errors, acknowledged } = dppErrorsAndAcknowledgments(app);
    expect(errors).toEqual([]);
    expect(acknowledged.filter((f) => f.level === 'error')).toEqual([expect.objectContaining({ ruleId: 'DPP-3.3-ConfigRecorderPresent', reason: CONFIG_OFF_REASON })]);

    // `cdk synth` honours the acknowledgment the same way (the pack registered on the app).
    const checked = newApp();
    wire(checked, 'test', config);
    Validations.of(checked).addPlugins(new DppChecks(checked));
    expect(() => checked.synth()).not.toThrow();
  });
});

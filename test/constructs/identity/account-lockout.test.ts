import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { AccountLockout, CONSOLE_SIGN_IN_FAILURE_PATTERN, LockoutAction } from '../../../constructs/identity/account-lockout';
import { ConsoleSignInForwarder, ConsoleSignInForwarderStack, GLOBAL_SIGN_IN_EVENT_REGIONS } from '../../../constructs/identity/console-sign-in-forwarder';
import { dppErrorsAndAcknowledgments, resourcesOfType, stackWithoutBundling } from '../no-bundling';

const SIGN_IN_PATTERN = {
  source: ['aws.signin'],
  'detail-type': ['AWS Console Sign In via CloudTrail'],
  detail: { eventName: ['ConsoleLogin'], responseElements: { ConsoleLogin: ['Failure'] }, userIdentity: { type: ['IAMUser'] } },
};

function lockoutStack(props: Partial<ConstructorParameters<typeof AccountLockout>[2]> = {}) {
  const made = stackWithoutBundling();
  const alertTopic = new sns.Topic(made.stack, 'Alerts', { enforceSSL: true });
  const lockout = new AccountLockout(made.stack, 'Lockout', { alertTopic, ...props });
  return { ...made, lockout, template: Template.fromStack(made.stack) };
}

describe('AccountLockout (defaults)', () => {
  let made: ReturnType<typeof lockoutStack>;
  beforeAll(() => {
    made = lockoutStack();
  });

  test('an EventBridge rule on failed console sign-ins of IAM users invokes the handler, with retries', () => {
    made.template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: SIGN_IN_PATTERN,
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('LockoutHandlerFunction'), 'Arn'] }, RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 7200 } })],
    });
  });

  test('the counter table: one item per user, TTL, encrypted, deletion-protected and retained', () => {
    made.template.hasResource('AWS::DynamoDB::Table', {
      Properties: {
        KeySchema: [{ AttributeName: 'userName', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        SSESpecification: { SSEEnabled: true },
        DeletionProtectionEnabled: true,
        Tags: Match.arrayWith([{ Key: 'dpp:classification', Value: 'internal' }, { Key: 'dpp:data-origin', Value: 'internal' }]),
      },
      DeletionPolicy: 'Retain',
    });
  });

  test('the handler is configured for 5 failures in 15 minutes with the deny-all policy', () => {
    made.template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Environment: {
        Variables: {
          TABLE_NAME: { Ref: Match.stringLikeRegexp('LockoutTable') },
          TOPIC_ARN: { Ref: Match.stringLikeRegexp('Alerts') },
          MAX_FAILURES: '5',
          WINDOW_SECONDS: '900',
          LOCKOUT_ACTION: 'deny-all-policy',
          DENY_POLICY_ARN: { Ref: Match.stringLikeRegexp('LockoutDenyAllPolicy') },
        },
      },
    });
    made.template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: { Statement: [{ Sid: 'LockedOut', Effect: 'Deny', Action: '*', Resource: '*' }] },
    });
  });

  test('the handler may attach only the deny-all policy, tag only dpp:locked, count, and publish', () => {
    const [[, policy]] = resourcesOfType(made.template, 'AWS::IAM::Policy').filter(([id]) => id.startsWith('LockoutHandler'));
    const statements = policy.Properties.PolicyDocument.Statement as Record<string, any>[];
    const byAction = (action: string) => statements.find((s) => [s.Action].flat().includes(action));
    expect(byAction('iam:AttachUserPolicy')).toMatchObject({ Condition: { ArnEquals: { 'iam:PolicyARN': { Ref: expect.stringMatching(/LockoutDenyAllPolicy/) } } } });
    expect(byAction('iam:TagUser')).toMatchObject({ Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['dpp:locked'] } } });
    expect(byAction('dynamodb:UpdateItem')).toBeDefined();
    expect(byAction('sns:Publish')).toBeDefined();
    expect(byAction('iam:DeleteLoginProfile')).toBeUndefined();
    expect(statements.some((s) => [s.Action].flat().some((a: string) => /PutUserPolicy|iam:\*/.test(a)))).toBe(false);
  });

  test('the DPP pack finds no error', () => {
    expect(dppErrorsAndAcknowledgments(made.app).errors).toEqual([]);
  });
});

describe('AccountLockout with a multi-region trail\'s log group', () => {
  test('a subscription filter on the log group invokes the handler with failed sign-ins of every region, and no EventBridge rule', () => {
    const made = stackWithoutBundling();
    const alertTopic = new sns.Topic(made.stack, 'Alerts', { enforceSSL: true });
    const trailLogGroup = new logs.LogGroup(made.stack, 'TrailLogs', { retention: logs.RetentionDays.ONE_YEAR });
    new AccountLockout(made.stack, 'Lockout', { alertTopic, trailLogGroup });
    const template = Template.fromStack(made.stack);
    template.resourceCountIs('AWS::Events::Rule', 0);
    template.hasResourceProperties('AWS::Logs::SubscriptionFilter', {
      LogGroupName: { Ref: Match.stringLikeRegexp('^TrailLogs') },
      FilterPattern: '{ ($.eventName = "ConsoleLogin") && ($.responseElements.ConsoleLogin = "Failure") && ($.userIdentity.type = "IAMUser") }',
      DestinationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('LockoutHandlerFunction'), 'Arn'] },
    });
    // CloudWatch Logs may invoke the function for this log group only.
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction', Principal: 'logs.amazonaws.com', SourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^TrailLogs'), 'Arn'] },
    });
    expect(dppErrorsAndAcknowledgments(made.app).errors).toEqual([]);
  });
});

describe('AccountLockout props', () => {
  test('remove-login-profile, threshold, window and no deletion protection', () => {
    const { template } = lockoutStack({ action: LockoutAction.REMOVE_LOGIN_PROFILE, maxFailures: 3, window: Duration.minutes(30), deletionProtection: false });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ MAX_FAILURES: '3', WINDOW_SECONDS: '1800', LOCKOUT_ACTION: 'remove-login-profile' }) },
    });
    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Delete', Properties: Match.objectLike({ DeletionProtectionEnabled: false }) });
    const statements = resourcesOfType(template, 'AWS::IAM::Policy').flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Record<string, any>[]);
    expect(statements.some((s) => s.Action === 'iam:DeleteLoginProfile')).toBe(true);
    expect(statements.some((s) => s.Action === 'iam:AttachUserPolicy')).toBe(false);
  });

  test.each([
    [{ maxFailures: 0 }, 'AccountLockout: maxFailures must be an integer from 1 to 10'],
    [{ maxFailures: 11 }, 'AccountLockout: maxFailures must be an integer from 1 to 10'],
    [{ window: Duration.seconds(30) }, 'AccountLockout: window must be whole minutes from 1 minute to 24 hours, got 30 seconds'],
    [{ window: Duration.hours(25) }, 'AccountLockout: window must be whole minutes from 1 minute to 24 hours'],
  ])('rejects %p', (props, message) => {
    expect(() => lockoutStack(props)).toThrow(message);
  });
});

describe('ConsoleSignInForwarder', () => {
  test('forwards failed sign-ins from us-east-1 to the lockout region\'s default bus', () => {
    const app = new App();
    const stack = new ConsoleSignInForwarderStack(app, 'Forwarder', { env: { account: '111111111111' }, targetRegion: 'eu-west-1' });
    expect(stack.region).toBe('us-east-1');
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: SIGN_IN_PATTERN,
      Targets: [Match.objectLike({ Arn: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':events:eu-west-1:111111111111:event-bus/default']] } })],
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [Match.objectLike({ Action: 'events:PutEvents' })] },
    });
    expect(CONSOLE_SIGN_IN_FAILURE_PATTERN.source).toEqual(['aws.signin']);
  });

  test('works from any region other than the lockout\'s, e.g. one of the global endpoint\'s sign-in regions', () => {
    // Documented: global-endpoint sign-ins are recorded in us-east-1, us-east-2, eu-north-1 or ap-southeast-2.
    expect(GLOBAL_SIGN_IN_EVENT_REGIONS).toEqual(['us-east-1', 'us-east-2', 'eu-north-1', 'ap-southeast-2']);
    const stack = new ConsoleSignInForwarderStack(new App(), 'Forwarder', { env: { account: '111111111111', region: 'eu-north-1' }, targetRegion: 'eu-west-1' });
    expect(stack.region).toBe('eu-north-1');
    Template.fromStack(stack).resourceCountIs('AWS::Events::Rule', 1);
  });

  test.each([
    [{ region: 'eu-central-1' }, 'eu-central-1', 'ConsoleSignInForwarder: targetRegion must not be the stack\'s own region eu-central-1'],
    [{ region: 'us-east-1' }, 'us-east-1', 'ConsoleSignInForwarder: targetRegion must not be the stack\'s own region us-east-1'],
    [{ region: 'us-east-1' }, 'Ireland', 'ConsoleSignInForwarder: targetRegion must be an AWS region, got "Ireland"'],
  ])('rejects a stack in %p forwarding to %s', (env, targetRegion, message) => {
    const stack = new Stack(new App(), 'S', { env: { account: '111111111111', ...env } });
    expect(() => new ConsoleSignInForwarder(stack, 'F', { targetRegion })).toThrow(message);
  });
});

describe('AccountLockout resilience (cdk-nag NIST 800-53 R5)', () => {
  test('an event the handler still fails on after its retries goes to the security topic; the counters have point-in-time recovery', () => {
    const made = lockoutStack();
    made.template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      DeadLetterConfig: { TargetArn: { Ref: Match.stringLikeRegexp('Alerts') } },
    });
    made.template.hasResourceProperties('AWS::DynamoDB::Table', { PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 7 } });
  });
});

describe('AccountLockout with inlineCode (for StackSets)', () => {
  test('the handler\'s code is in the template and EventBridge invokes it as before', () => {
    const made = lockoutStack({ inlineCode: true });
    made.template.hasResourceProperties('AWS::Lambda::Function', { Handler: 'index.handler', Code: { ZipFile: Match.stringLikeRegexp('UpdateItem') } });
    made.template.hasResourceProperties('AWS::Events::Rule', { EventPattern: SIGN_IN_PATTERN });
    expect(dppErrorsAndAcknowledgments(made.app).errors).toEqual([]);
  });
});

import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import { AccountPasswordPolicy } from '../../../constructs/identity/account-password-policy';
import { handlerEntry } from '../../../constructs/identity/handler-function';
import { dppErrorsAndAcknowledgments, resourcesOfType, stackWithoutBundling } from '../no-bundling';

describe('AccountPasswordPolicy (defaults)', () => {
  let template: Template;
  let app: ReturnType<typeof stackWithoutBundling>['app'];

  beforeAll(() => {
    const made = stackWithoutBundling();
    app = made.app;
    new AccountPasswordPolicy(made.stack, 'PasswordPolicy');
    template = Template.fromStack(made.stack);
  });

  test('is a Custom::AccountPasswordPolicy with the DPP 2.4 settings in IAM UpdateAccountPasswordPolicy names', () => {
    template.resourceCountIs('Custom::AccountPasswordPolicy', 1);
    template.hasResourceProperties('Custom::AccountPasswordPolicy', {
      ServiceToken: Match.anyValue(),
      MinimumPasswordLength: 14,
      RequireSymbols: true,
      RequireNumbers: true,
      RequireUppercaseCharacters: true,
      RequireLowercaseCharacters: true,
      MaxPasswordAge: 90,
      PasswordReusePrevention: 24,
      AllowUsersToChangePassword: true,
      HardExpiry: false,
    });
  });

  test('its handler is a Node.js 24 function with the password-policy IAM actions only, and a log group kept a year', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Description: Match.stringLikeRegexp('DPP 2.4'),
      LoggingConfig: { LogGroup: { Ref: Match.stringLikeRegexp('PasswordPolicyHandlerLogGroup') } },
    });
    // Besides the IAM actions, only writes to its own log group (no AWSLambdaBasicExecutionRole).
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('PasswordPolicyHandlerLogGroup'), 'Arn'] } },
          { Effect: 'Allow', Action: ['iam:GetAccountPasswordPolicy', 'iam:UpdateAccountPasswordPolicy', 'iam:DeleteAccountPasswordPolicy'], Resource: '*' },
        ],
      },
    });
    for (const [, role] of resourcesOfType(template, 'AWS::IAM::Role')) expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    // The handler's and the Provider framework's log groups: both created, with retention.
    const groups = resourcesOfType(template, 'AWS::Logs::LogGroup');
    expect(groups).toHaveLength(2);
    expect(groups.every(([, g]) => g.Properties.RetentionInDays === 365)).toBe(true);
    // Every function logs to a group of the stack, none to one Lambda would create without retention.
    for (const [, fn] of resourcesOfType(template, 'AWS::Lambda::Function')) expect(fn.Properties.LoggingConfig?.LogGroup?.Ref).toBeDefined();
  });

  test('the DPP pack finds no error; Resource "*" for the account-level IAM actions is acknowledged with its reason', () => {
    const { errors, acknowledged } = dppErrorsAndAcknowledgments(app);
    expect(errors).toEqual([]);
    expect(acknowledged).toEqual([expect.objectContaining({ ruleId: 'DPP-2.3-ScopedWriteActions', level: 'warning', reason: expect.stringMatching(/no resource-level permissions/) })]);
  });

  test('the handler entry resolves to the TypeScript source when it exists', () => {
    expect(handlerEntry('account-password-policy')).toMatch(/lib[/\\]handlers[/\\]account-password-policy\.ts$/);
    expect(() => handlerEntry('no-such-handler')).toThrow(/handler no-such-handler not found/);
  });
});

describe('AccountPasswordPolicy props', () => {
  const make = (props: ConstructorParameters<typeof AccountPasswordPolicy>[2]) => {
    const { stack } = stackWithoutBundling();
    new AccountPasswordPolicy(stack, 'P', props);
    return Template.fromStack(stack);
  };

  test('stricter values are applied', () => {
    make({ minimumPasswordLength: 20, maxPasswordAge: Duration.days(60), passwordReusePrevention: 12, allowUsersToChangePassword: false, hardExpiry: true, logRetention: logs.RetentionDays.TWO_YEARS })
      .hasResourceProperties('Custom::AccountPasswordPolicy', { MinimumPasswordLength: 20, MaxPasswordAge: 60, PasswordReusePrevention: 12, AllowUsersToChangePassword: false, HardExpiry: true });
  });

  test('the DPP floor itself is accepted', () => {
    make({ minimumPasswordLength: 12, maxPasswordAge: Duration.days(365) }).hasResourceProperties('Custom::AccountPasswordPolicy', { MinimumPasswordLength: 12, MaxPasswordAge: 365 });
  });

  test.each([
    [{ minimumPasswordLength: 11 }, 'AccountPasswordPolicy: minimumPasswordLength must be an integer from 12 to 128 (DPP 2.4 requires at least 12 under profile dpp), got 11'],
    [{ minimumPasswordLength: 129 }, 'AccountPasswordPolicy: minimumPasswordLength must be an integer from 12 to 128'],
    [{ maxPasswordAge: Duration.days(366) }, 'AccountPasswordPolicy: maxPasswordAge must be an integer from 1 to 365 (days; DPP 2.4 requires expiry within 365 days under profile dpp), got 366'],
    [{ maxPasswordAge: Duration.hours(36) }, 'AccountPasswordPolicy: maxPasswordAge must be a whole number of days, got 1 day 12 hours'],
    [{ passwordReusePrevention: 0 }, 'AccountPasswordPolicy: passwordReusePrevention must be an integer from 1 to 24'],
    [{ passwordReusePrevention: 25 }, 'AccountPasswordPolicy: passwordReusePrevention must be an integer from 1 to 24'],
    [{ logRetention: logs.RetentionDays.ONE_MONTH }, 'AccountPasswordPolicy: logRetention must be at least 90 days (DPP 3.6 Logging and Monitoring, profile dpp), got 30'],
  ])('rejects %p', (props, message) => {
    expect(() => make(props)).toThrow(message);
  });
});

describe('AccountPasswordPolicy with inlineCode (for StackSets)', () => {
  const { app, stack } = stackWithoutBundling();
  new AccountPasswordPolicy(stack, 'Policy', { inlineCode: true });
  const template = Template.fromStack(stack);

  test('the handler\'s code is in the template (Code.ZipFile, index.handler): no asset, no provider framework', () => {
    const functions = resourcesOfType(template, 'AWS::Lambda::Function').map(([, r]) => r);
    expect(functions).toHaveLength(1);
    expect(functions[0].Properties).toMatchObject({ Handler: 'index.handler', Code: { ZipFile: expect.stringContaining('UpdateAccountPasswordPolicy') } });
  });

  test('CloudFormation invokes the handler directly: the service token is the function\'s ARN', () => {
    template.hasResourceProperties('Custom::AccountPasswordPolicy', { ServiceToken: { 'Fn::GetAtt': [Match.stringLikeRegexp('^PolicyHandlerFunction'), 'Arn'] } });
  });

  test('the DPP pack finds no error', () => {
    expect(dppErrorsAndAcknowledgments(app).errors).toEqual([]);
  });
});

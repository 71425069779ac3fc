import { RemovalPolicy } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { DppUserPool } from '../../../constructs/identity/dpp-user-pool';
import { dppErrorsAndAcknowledgments, stackWithoutBundling } from '../no-bundling';

describe('DppUserPool (defaults)', () => {
  let template: Template;
  let app: ReturnType<typeof stackWithoutBundling>['app'];
  beforeAll(() => {
    const made = stackWithoutBundling();
    app = made.app;
    new DppUserPool(made.stack, 'Users');
    template = Template.fromStack(made.stack);
  });

  test('MFA required with TOTP only; strong passwords; threat protection enforced; no self sign-up', () => {
    template.hasResource('AWS::Cognito::UserPool', {
      Properties: Match.objectLike({
        MfaConfiguration: 'ON',
        EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
        Policies: {
          PasswordPolicy: {
            MinimumLength: 14,
            RequireLowercase: true,
            RequireUppercase: true,
            RequireNumbers: true,
            RequireSymbols: true,
            PasswordHistorySize: 24,
            TemporaryPasswordValidityDays: 1,
          },
        },
        UserPoolTier: 'PLUS',
        UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        DeletionProtection: 'ACTIVE',
      }),
      DeletionPolicy: 'Retain',
    });
  });

  test('classified pii (its users\' profiles)', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', { UserPoolTags: { 'dpp:classification': 'pii', 'dpp:data-origin': 'internal' } });
  });

  test('the DPP pack finds no error', () => {
    expect(dppErrorsAndAcknowledgments(app).errors).toEqual([]);
  });
});

describe('DppUserPool props', () => {
  test('test-environment settings: no deletion protection, destroyed with the stack, self sign-up, longer passwords', () => {
    const { stack } = stackWithoutBundling();
    new DppUserPool(stack, 'Users', { deletionProtection: false, removalPolicy: RemovalPolicy.DESTROY, selfSignUpEnabled: true, minimumPasswordLength: 16, dataOrigin: 'ecartapi', userPoolName: 'app-users' });
    Template.fromStack(stack).hasResource('AWS::Cognito::UserPool', {
      Properties: Match.objectLike({
        UserPoolName: 'app-users',
        DeletionProtection: 'INACTIVE',
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
        Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 16 }) },
        UserPoolTags: { 'dpp:classification': 'pii', 'dpp:data-origin': 'ecartapi' },
      }),
      DeletionPolicy: 'Delete',
    });
  });

  test.each([
    [{ minimumPasswordLength: 11 }, 'DppUserPool: minimumPasswordLength must be an integer from 12 to 99 (DPP 2.4 requires at least 12 under profile dpp), got 11'],
    [{ dataOrigin: ' ' }, 'DppUserPool: dataOrigin must not be empty'],
  ])('rejects %p', (props, message) => {
    const { stack } = stackWithoutBundling();
    expect(() => new DppUserPool(stack, 'Users', props)).toThrow(message);
  });
});

import { NoSecretInEnvironment } from '../../../../lib/checks/rules/3.5-secure-coding/no-secret-in-environment';
import { findingsOf, parameters } from '../../../helpers/check';
import { expectOneFailure, expectOneUnresolvable } from '../../../helpers/rule-expectations';

// Fake credentials, shaped like real ones (fixtures only: never outside test/).
const ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const PRIVATE_KEY = '-----BEGIN RSA PRIVATE KEY-----\nMIIEow==\n-----END RSA PRIVATE KEY-----';

const lambda = (variables: unknown) => ({
  Secret: { Type: 'AWS::SecretsManager::Secret', Properties: {} },
  F: { Type: 'AWS::Lambda::Function', Properties: { Environment: { Variables: variables } } },
});

describe('DPP-3.5-NoSecretInEnvironment', () => {
  test('passes ordinary variables, references to secrets and secret-named variables that name a secret', () => {
    expect(findingsOf(NoSecretInEnvironment, lambda({
      STAGE: 'prod',
      TABLE_NAME: 'orders',
      DB_SECRET_ARN: { Ref: 'Secret' },
      API_TOKEN_PARAMETER: '/prod/api/token',
      PASSWORD: '{{resolve:secretsmanager:prod/db:SecretString:password}}',
      GIT_COMMIT: '0123456789abcdef0123456789abcdef01234567',
      TOKEN_AUTH: 'true',
      API_KEY: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:api-key',
    }))).toEqual([]);
  });

  test.each([
    ['an access key ID', { SOME_VALUE: ACCESS_KEY_ID }, /SOME_VALUE holds what looks like an AWS access key ID/],
    ['a secret access key', { AWS_SECRET: SECRET_ACCESS_KEY }, /AWS_SECRET holds what looks like a 40-character secret access key/],
    ['a private key block', { CERT: PRIVATE_KEY }, /CERT holds what looks like a private key block/],
    ['a secret-named literal', { dbPassword: 'hunter2' }, /dbPassword looks like a secret and has a literal value/],
    ['an api_key literal', { STRIPE_API_KEY: 'sk_live_abc' }, /STRIPE_API_KEY looks like a secret/],
  ])('fails a Lambda variable holding %s', (_, variables, problem) => {
    const finding = expectOneFailure(findingsOf(NoSecretInEnvironment, lambda(variables)), NoSecretInEnvironment, 'F', problem);
    expect(finding.property).toBe(`Environment.Variables.${Object.keys(variables)[0]}`);
  });

  test('fails a secret in an ECS container environment', () => {
    const resources = { T: { Type: 'AWS::ECS::TaskDefinition', Properties: { ContainerDefinitions: [{ Name: 'app', Environment: [{ Name: 'PORT', Value: '8443' }, { Name: 'DB_PASSWORD', Value: 'hunter2' }] }] } } };
    const finding = expectOneFailure(findingsOf(NoSecretInEnvironment, resources), NoSecretInEnvironment, 'T', /DB_PASSWORD looks like a secret/);
    expect(finding.property).toBe('ContainerDefinitions.0.Environment.1.Value');
  });

  test('fails a PLAINTEXT CodeBuild variable and ignores SECRETS_MANAGER ones', () => {
    const resources = {
      P: {
        Type: 'AWS::CodeBuild::Project',
        Properties: { Environment: { EnvironmentVariables: [{ Name: 'NPM_TOKEN', Value: 'npm-secret', Type: 'PLAINTEXT' }, { Name: 'GH_TOKEN', Value: 'ci/github:token', Type: 'SECRETS_MANAGER' }] } },
      },
    };
    expectOneFailure(findingsOf(NoSecretInEnvironment, resources), NoSecretInEnvironment, 'P', /NPM_TOKEN looks like a secret/);
  });

  test('fails a parameter Default that looks like a key', () => {
    const extra = { Parameters: { Key: { Type: 'String', Default: ACCESS_KEY_ID } } };
    expectOneFailure(findingsOf(NoSecretInEnvironment, lambda({ KEY: { Ref: 'Key' } }), extra), NoSecretInEnvironment, 'F', /the Default of parameter Key/);
  });

  test('warns on a secret-named variable given by a parameter that is not NoEcho', () => {
    expectOneUnresolvable(findingsOf(NoSecretInEnvironment, lambda({ API_TOKEN: { Ref: 'Token' } }), parameters('Token')), 'Environment.Variables.API_TOKEN');
  });

  test('warns when the variables are an Fn::If', () => {
    expectOneUnresolvable(findingsOf(NoSecretInEnvironment, lambda({ 'Fn::If': ['C', {}, {}] })), 'Environment.Variables');
  });

  test('ignores ordinary variables given by parameters, SSM-typed ones included', () => {
    expect(findingsOf(NoSecretInEnvironment, lambda({ STAGE: { Ref: 'Stage' } }), parameters('Stage'))).toEqual([]);
    const extra = { Parameters: { Domain: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/app/domain' } } };
    expect(findingsOf(NoSecretInEnvironment, lambda({ DOMAIN: { Ref: 'Domain' } }), extra)).toEqual([]);
  });
});

describe('DPP-3.5-NoSecretInEnvironment with undecidable names', () => {
  test('warns on a literal value under a Name given by a parameter', () => {
    const resources = { T: { Type: 'AWS::ECS::TaskDefinition', Properties: { ContainerDefinitions: [{ Name: 'app', Environment: [{ Name: { Ref: 'VarName' }, Value: 'tok-3f9a8b7c6d5e' }] }] } } };
    expectOneUnresolvable(findingsOf(NoSecretInEnvironment, resources, parameters('VarName')), 'ContainerDefinitions.0.Environment.0.Name');
  });
});

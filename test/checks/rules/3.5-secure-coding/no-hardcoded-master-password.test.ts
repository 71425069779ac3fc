import { NoHardcodedMasterPassword } from '../../../../lib/checks/rules/3.5-secure-coding/no-hardcoded-master-password';
import { findingsOf, parameters } from '../../../helpers/check';
import { expectOneFailure, expectOneUnresolvable } from '../../../helpers/rule-expectations';

const db = (password: unknown, type = 'AWS::RDS::DBInstance') => ({
  Secret: { Type: 'AWS::SecretsManager::Secret', Properties: {} },
  Db: { Type: type, Properties: { MasterUsername: 'dbadmin', MasterUserPassword: password } },
});

describe('DPP-3.5-NoHardcodedMasterPassword', () => {
  test.each([
    ['no password (ManageMasterUserPassword)', undefined],
    ['a Secrets Manager dynamic reference', '{{resolve:secretsmanager:prod/db:SecretString:password}}'],
    ['an SSM SecureString dynamic reference', '{{resolve:ssm-secure:/prod/db/password:1}}'],
    ['the CDK shape: Fn::Join around a secret Ref', { 'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: 'Secret' }, ':SecretString:password::}}']] }],
  ])('passes %s', (_, password) => {
    expect(findingsOf(NoHardcodedMasterPassword, db(password))).toEqual([]);
  });

  test('passes a NoEcho parameter without a Default', () => {
    const extra = { Parameters: { DbPassword: { Type: 'String', NoEcho: true } } };
    expect(findingsOf(NoHardcodedMasterPassword, db({ Ref: 'DbPassword' }), extra)).toEqual([]);
  });

  test.each(['AWS::RDS::DBCluster', 'AWS::DocDB::DBCluster', 'AWS::Redshift::Cluster'])('fails a literal password on %s without echoing it', (type) => {
    const finding = expectOneFailure(findingsOf(NoHardcodedMasterPassword, db('hunter2-but-longer', type)), NoHardcodedMasterPassword, 'Db', /MasterUserPassword is hardcoded/);
    expect(finding.message).not.toContain('hunter2');
    expect(finding.property).toBe('MasterUserPassword');
  });

  test('fails a parameter whose Default holds the password', () => {
    const extra = { Parameters: { DbPassword: { Type: 'String', NoEcho: true, Default: 'changeme123' } } };
    expectOneFailure(findingsOf(NoHardcodedMasterPassword, db({ Ref: 'DbPassword' }), extra), NoHardcodedMasterPassword, 'Db', /the Default of parameter DbPassword/);
  });

  test('fails a password from an SSM-typed parameter (a plain String), without calling its Default hardcoded', () => {
    const extra = { Parameters: { DbPassword: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/prod/db/password' } } };
    expectOneFailure(findingsOf(NoHardcodedMasterPassword, db({ Ref: 'DbPassword' }), extra), NoHardcodedMasterPassword, 'Db', /plain SSM String parameter/);
  });

  test('fails a plain SSM String reference', () => {
    expectOneFailure(findingsOf(NoHardcodedMasterPassword, db('{{resolve:ssm:/prod/db/password}}')), NoHardcodedMasterPassword, 'Db', /plain SSM String parameter/);
  });

  test('fails a literal in either branch of Fn::If', () => {
    expect(findingsOf(NoHardcodedMasterPassword, db({ 'Fn::If': ['C', '{{resolve:secretsmanager:x}}', 'literal-password'] }))).toEqual([expect.objectContaining({ level: 'error' })]);
  });

  test('fails literal passwords of every Amazon MQ user', () => {
    const resources = { B: { Type: 'AWS::AmazonMQ::Broker', Properties: { Users: [{ Username: 'a', Password: '{{resolve:secretsmanager:mq}}' }, { Username: 'b', Password: 'literal-password' }] } } };
    const finding = expectOneFailure(findingsOf(NoHardcodedMasterPassword, resources), NoHardcodedMasterPassword, 'B', /Users\.1\.Password is hardcoded/);
    expect(finding.property).toBe('Users.1.Password');
  });

  test('warns on a parameter that is not NoEcho', () => {
    expectOneUnresolvable(findingsOf(NoHardcodedMasterPassword, db({ Ref: 'DbPassword' }), parameters('DbPassword')), 'MasterUserPassword');
  });

  test('warns on Fn::If between a secret and a parameter', () => {
    expectOneUnresolvable(findingsOf(NoHardcodedMasterPassword, db({ 'Fn::If': ['C', '{{resolve:secretsmanager:x}}', { Ref: 'P' }] }), parameters('P')), 'MasterUserPassword');
  });
});

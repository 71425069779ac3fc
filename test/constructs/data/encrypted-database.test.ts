import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { EncryptedDatabase, type EncryptedDatabaseProps } from '../../../constructs/data/encrypted-database';
import { network, newStack } from '../fixtures';

const DATA_KEY = { 'Fn::GetAtt': [Match.stringLikeRegexp('^KeysData'), 'Arn'] };
const PII_TAGS = Match.arrayWith([{ Key: 'dpp:classification', Value: 'pii' }, { Key: 'dpp:data-origin', Value: 'ecartapi' }]);

/** The log groups of the database's exports (the fixture's flow-log group aside). */
const databaseLogGroups = (template: Template) => template.findResources('AWS::Logs::LogGroup', { Properties: { LogGroupName: Match.stringLikeRegexp('^/aws/rds/') } });

function build(props: Partial<EncryptedDatabaseProps> = {}): Template {
  const { stack } = newStack();
  new EncryptedDatabase(stack, 'Database', { ...network(stack), ...props });
  return Template.fromStack(stack);
}

describe('EncryptedDatabase (Aurora PostgreSQL, defaults)', () => {
  let template: Template;
  beforeAll(() => {
    template = build({ identifier: 'orders-db' });
  });

  test('storage encrypted with the customer data key; IAM authentication, 7-day backups, deletion protection, final snapshot', () => {
    template.hasResource('AWS::RDS::DBCluster', {
      DeletionPolicy: 'Snapshot',
      Properties: Match.objectLike({
        Engine: 'aurora-postgresql',
        StorageEncrypted: true,
        KmsKeyId: DATA_KEY,
        EnableIAMDatabaseAuthentication: true,
        BackupRetentionPeriod: 7,
        DeletionProtection: true,
        DBClusterIdentifier: 'orders-db',
        Port: 5432,
        EnableCloudwatchLogsExports: ['postgresql', 'iam-db-auth-error'],
        Tags: PII_TAGS,
      }),
    });
    expect(JSON.stringify(template.findResources('AWS::RDS::DBCluster'))).toMatch(/\{\{resolve:secretsmanager:/);
  });

  test('the cluster parameter group forces TLS 1.2+ and keeps statements out of the logs', () => {
    template.hasResourceProperties('AWS::RDS::DBClusterParameterGroup', {
      Family: 'aurora-postgresql17',
      Parameters: Match.objectLike({ 'rds.force_ssl': '1', ssl_min_protocol_version: 'TLSv1.2', log_statement: 'none', log_min_error_statement: 'panic', log_error_verbosity: 'terse' }),
    });
    template.hasResourceProperties('AWS::RDS::DBCluster', { DBClusterParameterGroupName: { Ref: Match.stringLikeRegexp('^DatabaseClusterParameters') } });
  });

  test('a writer and a reader: private, auto minor upgrades, Performance Insights under the data key', () => {
    template.resourceCountIs('AWS::RDS::DBInstance', 2);
    template.allResourcesProperties('AWS::RDS::DBInstance', {
      PubliclyAccessible: false,
      AutoMinorVersionUpgrade: true,
      EnablePerformanceInsights: true,
      PerformanceInsightsKMSKeyId: DATA_KEY,
      Tags: PII_TAGS,
    });
  });

  test('in the data tier', () => {
    const subnets = template.findResources('AWS::RDS::DBSubnetGroup');
    const ids = Object.values(subnets)[0].Properties.SubnetIds.map((s: { Ref: string }) => s.Ref);
    expect(ids).toEqual([expect.stringMatching(/^NetworkVpcdataSubnet1/), expect.stringMatching(/^NetworkVpcdataSubnet2/)]);
  });

  test('the master credential is generated under the secrets key and rotated every 30 days from the application tier', () => {
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^KeysSecrets'), 'Arn'] },
      GenerateSecretString: Match.objectLike({ SecretStringTemplate: '{"username":"dbadmin"}', GenerateStringKey: 'password' }),
      Tags: Match.arrayWith([{ Key: 'dpp:classification', Value: 'confidential' }]),
    });
    template.hasResourceProperties('AWS::SecretsManager::RotationSchedule', {
      RotationRules: { ScheduleExpression: 'rate(30 days)' },
      HostedRotationLambda: Match.objectLike({
        RotationType: 'PostgreSQLSingleUser',
        KmsKeyArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^KeysSecrets'), 'Arn'] },
        VpcSubnetIds: { 'Fn::Join': ['', [{ Ref: Match.stringLikeRegexp('^NetworkVpcapplicationSubnet1') }, ',', { Ref: Match.stringLikeRegexp('^NetworkVpcapplicationSubnet2') }]] },
      }),
    });
    expect(template.toJSON().Transform).toEqual(expect.stringMatching(/^AWS::SecretsManager-/));
  });

  test('the security group admits the application tier and the rotation function on 5432, nothing else, and has no egress', () => {
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('^EncryptedDatabase: 5432'),
      SecurityGroupIngress: [{ CidrIp: '10.0.64.0/18', IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, Description: Match.anyValue() }],
      SecurityGroupEgress: [Match.objectLike({ CidrIp: '255.255.255.255/32', Description: 'Disallow all traffic' })],
    });
    const ingress = Object.values(template.findResources('AWS::EC2::SecurityGroupIngress')).map((r) => r.Properties);
    expect(ingress).toEqual([expect.objectContaining({ FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: { 'Fn::GetAtt': [expect.stringMatching(/^DatabaseRotationSecurityGroup/), 'GroupId'] } })]);
  });

  test('log groups exist, under the logs key and kept 365 days, before the cluster exports to them', () => {
    for (const type of ['postgresql', 'iam-db-auth-error']) {
      template.hasResourceProperties('AWS::Logs::LogGroup', {
        LogGroupName: `/aws/rds/cluster/orders-db/${type}`,
        KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^KeysLogs'), 'Arn'] },
        RetentionInDays: 365,
        Tags: Match.arrayWith([{ Key: 'dpp:classification', Value: 'confidential' }]),
      });
    }
    const [cluster] = Object.values(template.findResources('AWS::RDS::DBCluster'));
    expect(cluster.DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/^DatabaseLogpostgresql/), expect.stringMatching(/^DatabaseLogiamdbautherror/)]));
  });
});

describe('EncryptedDatabase props', () => {
  let shared: { stack: ReturnType<typeof newStack>['stack']; base: ReturnType<typeof network> };
  let cases = 0;
  beforeAll(() => {
    const { stack } = newStack();
    shared = { stack, base: network(stack) };
  });

  test('RDS for PostgreSQL: encrypted, TLS forced in its parameter group, Multi-AZ, instance log groups', () => {
    const template = build({ engine: 'postgresql', identifier: 'orders-db', engineVersion: '16.8' });
    template.resourceCountIs('AWS::RDS::DBCluster', 0);
    template.hasResource('AWS::RDS::DBInstance', {
      DeletionPolicy: 'Snapshot',
      Properties: Match.objectLike({
        Engine: 'postgres',
        EngineVersion: '16.8',
        StorageEncrypted: true,
        KmsKeyId: DATA_KEY,
        MultiAZ: true,
        DeletionProtection: true,
        EnableIAMDatabaseAuthentication: true,
        BackupRetentionPeriod: 7,
        PubliclyAccessible: false,
        AutoMinorVersionUpgrade: true,
        PerformanceInsightsKMSKeyId: DATA_KEY,
        DBParameterGroupName: { Ref: Match.stringLikeRegexp('^DatabaseParameters') },
        Tags: PII_TAGS,
      }),
    });
    template.hasResourceProperties('AWS::RDS::DBParameterGroup', { Family: 'postgres16', Parameters: Match.objectLike({ 'rds.force_ssl': '1' }) });
    template.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: '/aws/rds/instance/orders-db/postgresql' });
  });

  test('disposable: no deletion protection, destroyed with the stack; no standby without high availability', () => {
    const template = build({ disposable: true, highAvailability: false });
    template.hasResource('AWS::RDS::DBCluster', { DeletionPolicy: 'Delete', Properties: Match.objectLike({ DeletionProtection: false }) });
    template.resourceCountIs('AWS::RDS::DBInstance', 1);
    expect(Object.values(databaseLogGroups(template)).map((g) => g.DeletionPolicy)).toEqual(['Delete', 'Delete']);
  });

  test('given clients replace the application tier block in the security group', () => {
    const withClients = (() => {
      const { stack } = newStack();
      const base = network(stack);
      const client = new ec2.SecurityGroup(stack, 'App', { vpc: base.network.vpc });
      new EncryptedDatabase(stack, 'Database', { ...base, clients: [client] });
      return Template.fromStack(stack);
    })();
    const databaseGroup = Object.values(withClients.findResources('AWS::EC2::SecurityGroup', { Properties: { GroupDescription: Match.stringLikeRegexp('^EncryptedDatabase: 5432') } }))[0];
    expect(databaseGroup.Properties.SecurityGroupIngress).toBeUndefined();
    withClients.hasResourceProperties('AWS::EC2::SecurityGroupIngress', { FromPort: 5432, SourceSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^App'), 'GroupId'] } });
  });

  test('data origin, classification, retentions and rotation period are props', () => {
    const template = build({ dataOrigin: 'internal', classification: 'confidential', backupRetentionDays: 14, logRetentionDays: 90, rotationDays: 7 });
    template.hasResourceProperties('AWS::RDS::DBCluster', {
      BackupRetentionPeriod: 14,
      Tags: Match.arrayWith([{ Key: 'dpp:classification', Value: 'confidential' }, { Key: 'dpp:data-origin', Value: 'internal' }]),
    });
    expect(Object.values(databaseLogGroups(template)).map((g) => g.Properties.RetentionInDays)).toEqual([90, 90]);
    template.hasResourceProperties('AWS::SecretsManager::RotationSchedule', { RotationRules: { ScheduleExpression: 'rate(7 days)' } });
  });

  test.each<[string, Partial<EncryptedDatabaseProps>, string]>([
    ['a port the data tier does not admit', { port: 3306 }, "EncryptedDatabase: port must be the network's databasePort (5432): the data tier's network ACL admits no other port, got 3306"],
    ['backups under 7 days', { backupRetentionDays: 3 }, 'EncryptedDatabase: backupRetentionDays must be an integer from 7 to 35 (DPP 3.7, profile dpp), got 3'],
    ['logs kept under 90 days', { logRetentionDays: 30 }, 'EncryptedDatabase: logRetentionDays must be at least 90 days'],
    ['a default master user name', { masterUsername: 'postgres' }, 'EncryptedDatabase: masterUsername must start with a letter'],
    ['an identifier with capitals', { identifier: 'Orders_DB' }, 'EncryptedDatabase: identifier must be lowercase letters'],
    ['an identifier with a double hyphen', { identifier: 'orders--db' }, 'EncryptedDatabase: identifier must be lowercase letters'],
    ['a major-only version', { engineVersion: '17' }, "EncryptedDatabase: engineVersion must be major.minor, e.g. '17.5', got \"17\""],
    ['no rotation', { rotationDays: 0 }, 'EncryptedDatabase: rotationDays must be an integer from 1 to 365 (DPP 2.4: credentials expire within 365 days under profile dpp), got 0'],
    ['an unknown engine', { engine: 'mysql' as never }, "EncryptedDatabase: engine must be 'aurora-postgresql' or 'postgresql'"],
    ['an unknown classification', { classification: 'secret' as never }, 'EncryptedDatabase: classification must be one of pii, confidential, internal, public'],
    ['a blank data origin', { dataOrigin: ' ' }, 'EncryptedDatabase: dataOrigin must not be empty'],
  ])('rejects %s', (_, props, message) => {
    // Each case fails in its own construct of one shared stack and network.
    expect(() => new EncryptedDatabase(shared.stack, `Database${++cases}`, { ...shared.base, ...props })).toThrow(message);
  });
});

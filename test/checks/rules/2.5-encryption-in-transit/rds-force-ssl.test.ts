import { RdsForceSsl } from '../../../../lib/checks/rules/2.5-encryption-in-transit/rds-force-ssl';
import { findingsOf, parameters, type Resources } from '../../../helpers/check';

function instance(engine: unknown, group?: unknown, parameters?: unknown): Resources {
  const resources: Resources = { Db: { Type: 'AWS::RDS::DBInstance', Properties: { Engine: engine, DBParameterGroupName: group } } };
  if (parameters !== undefined) resources.Params = { Type: 'AWS::RDS::DBParameterGroup', Properties: { Family: 'x', Description: 'x', Parameters: parameters } };
  return resources;
}

function cluster(engine: string, parameters: unknown): Resources {
  return {
    Cluster: { Type: 'AWS::RDS::DBCluster', Properties: { Engine: engine, DBClusterParameterGroupName: { Ref: 'ClusterParams' } } },
    ClusterParams: { Type: 'AWS::RDS::DBClusterParameterGroup', Properties: { Family: 'x', Description: 'x', Parameters: parameters } },
    Member: { Type: 'AWS::RDS::DBInstance', Properties: { Engine: engine, DBClusterIdentifier: { Ref: 'Cluster' } } },
  };
}

describe('DPP-2.5-RdsForceSsl', () => {
  test.each([
    ['PostgreSQL with rds.force_ssl 1', instance('postgres', { Ref: 'Params' }, { 'rds.force_ssl': '1' })],
    ['MySQL with require_secure_transport ON', instance('mysql', { Ref: 'Params' }, { require_secure_transport: 'ON' })],
    ['MariaDB with require_secure_transport 1', instance('mariadb', { Ref: 'Params' }, { require_secure_transport: 1 })],
    ['SQL Server with rds.force_ssl 1', instance('sqlserver-se', { Ref: 'Params' }, { 'rds.force_ssl': 1 })],
    ['an Aurora PostgreSQL cluster (members take the cluster group)', cluster('aurora-postgresql', { 'rds.force_ssl': '1' })],
    ['an Aurora MySQL cluster', cluster('aurora-mysql', { require_secure_transport: 'ON' })],
    ['an engine out of scope (Oracle uses an option group)', instance('oracle-ee')],
  ])('passes %s', (_, resources) => {
    expect(findingsOf(RdsForceSsl, resources)).toEqual([]);
  });

  test('fails an instance on the default parameter group, naming the setting', () => {
    const [finding, ...rest] = findingsOf(RdsForceSsl, instance('postgres'));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-2.5-RdsForceSsl', clause: '2.5', level: 'error', logicalId: 'Db', property: 'DBParameterGroupName' });
    expect(finding.message).toMatch(/default parameter group, which does not set rds.force_ssl = 1/);
  });

  test('fails an explicitly named default group', () => {
    expect(findingsOf(RdsForceSsl, instance('mysql', 'default.mysql8.0'))).toEqual([expect.objectContaining({ level: 'error', message: expect.stringContaining('default parameter group default.mysql8.0') })]);
  });

  test('fails a group of the template that does not set the parameter, or sets it off', () => {
    expect(findingsOf(RdsForceSsl, instance('postgres', { Ref: 'Params' }, { 'log_connections': '1' }))).toEqual([expect.objectContaining({ level: 'error', message: expect.stringContaining('parameter group Params does not set rds.force_ssl = 1') })]);
    expect(findingsOf(RdsForceSsl, cluster('aurora-mysql', { require_secure_transport: 'OFF' }))).toEqual([
      expect.objectContaining({ level: 'error', logicalId: 'Cluster', message: expect.stringContaining('sets require_secure_transport = OFF') }),
    ]);
  });

  test('warns on a literal group name the template does not declare', () => {
    expect(findingsOf(RdsForceSsl, instance('postgres', 'shared-postgres16'))).toEqual([
      expect.objectContaining({ level: 'warning', message: expect.stringMatching(/^cannot be verified at synth time: DBParameterGroupName \(parameter group shared-postgres16 is not declared/) }),
    ]);
  });

  test.each([
    ['the group is a parameter', instance('postgres', { Ref: 'Group' }), /DBParameterGroupName \(parameter Group\)/],
    ['the engine is Fn::If', instance({ 'Fn::If': ['IsPg', 'postgres', 'mysql'] }), /Engine \(Fn::If\)/],
    ['the setting is a parameter', instance('postgres', { Ref: 'Params' }, { 'rds.force_ssl': { Ref: 'Group' } }), /Params.Parameters.rds.force_ssl/],
  ])('warns when %s', (_, resources, message) => {
    expect(findingsOf(RdsForceSsl, resources, parameters('Group'))).toEqual([expect.objectContaining({ level: 'warning', message: expect.stringMatching(message) })]);
  });

  test('warns on an instance without Engine (restored from a snapshot)', () => {
    const resources: Resources = { Db: { Type: 'AWS::RDS::DBInstance', Properties: { DBSnapshotIdentifier: 'snap' } } };
    expect(findingsOf(RdsForceSsl, resources)).toEqual([expect.objectContaining({ level: 'warning', property: 'Engine' })]);
  });
});

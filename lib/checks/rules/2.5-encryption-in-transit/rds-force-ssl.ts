import { isClusterMember } from '../../lookups/database';
import { requireGroupParameter, type RequiredParameter } from '../../lookups/parameter-group';
import { resourceRule, unresolvable } from '../../types';

const isOn = (value: unknown): boolean => ['1', 'on', 'true'].includes(String(value).toLowerCase());

const FORCE_SSL: RequiredParameter = { parameter: 'rds.force_ssl', isOn, label: 'rds.force_ssl = 1' };
const REQUIRE_SECURE_TRANSPORT: RequiredParameter = { parameter: 'require_secure_transport', isOn, label: 'require_secure_transport = ON' };

/** PostgreSQL and SQL Server use rds.force_ssl; MySQL-family engines require_secure_transport. Other engines are out of scope. */
function settingFor(engine: string): RequiredParameter | undefined {
  if (engine === 'postgres' || engine === 'aurora-postgresql' || engine.startsWith('sqlserver-')) return FORCE_SSL;
  if (engine === 'mysql' || engine === 'mariadb' || engine === 'aurora-mysql' || engine === 'aurora') return REQUIRE_SECURE_TRANSPORT;
  return undefined;
}

export const RdsForceSsl = resourceRule({
  id: 'DPP-2.5-RdsForceSsl',
  clause: '2.5',
  level: 'error',
  resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  description: 'RDS and Aurora databases refuse connections without TLS (parameter group forces SSL)',
  fix: 'Give the database a parameter group of this template that sets rds.force_ssl = 1 (PostgreSQL, SQL Server) or require_secure_transport = ON (MySQL, MariaDB, Aurora MySQL)',
  explanation: 'DPP 2.5 Encryption in Transit requires all Information to be encrypted in transit on internal endpoints too; the engines accept unencrypted connections unless the parameter group forbids them.',
  check: (ctx) => {
    // A DB instance inside an Aurora or Multi-AZ cluster takes these settings from the cluster's parameter group.
    if (isClusterMember(ctx)) return undefined;
    const engine = ctx.prop('Engine');
    if (engine.kind === 'unresolvable') return unresolvable('Engine', engine.why);
    if (engine.kind !== 'known') return unresolvable('Engine', 'no Engine: it is inherited from a source database or snapshot');
    const setting = settingFor(String(engine.value).toLowerCase());
    if (!setting) return undefined;
    return ctx.type === 'AWS::RDS::DBCluster'
      ? requireGroupParameter(ctx, 'DBClusterParameterGroupName', 'AWS::RDS::DBClusterParameterGroup', setting)
      : requireGroupParameter(ctx, 'DBParameterGroupName', 'AWS::RDS::DBParameterGroup', setting);
  },
});

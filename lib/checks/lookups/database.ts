import type { ResourceContext } from '../types';

/**
 * True for an RDS DB instance that belongs to a cluster (Aurora, Multi-AZ DB cluster): its storage
 * encryption, key, parameter group, backups and deletion protection are the cluster's, so rules
 * judge the cluster instead. Shared by the DPP 2.5, 3.4 and 3.7 database rules.
 */
export function isClusterMember(ctx: ResourceContext): boolean {
  return ctx.type === 'AWS::RDS::DBInstance' && ctx.prop('DBClusterIdentifier').kind !== 'absent';
}

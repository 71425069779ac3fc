import { requireNotTrue } from '../../assert';
import { fail, resourceRule, unresolvable, type ResourceContext, type Verdict } from '../../types';
import { asBoolean } from '../../values';

/** PubliclyAccessible must be an explicit false: left out, the service may make the endpoint public. */
function requireExplicitFalse(ctx: ResourceContext, defaultIsPublic: string): Verdict | undefined {
  const value = ctx.prop('PubliclyAccessible');
  if (value.kind === 'unresolvable') return unresolvable('PubliclyAccessible', value.why);
  if (value.kind === 'reference') return unresolvable('PubliclyAccessible', 'a reference to another resource');
  if (value.kind === 'absent') return fail(`PubliclyAccessible is not set, and ${defaultIsPublic}`, 'PubliclyAccessible');
  return asBoolean(value.value) === false ? undefined : fail('the endpoint is publicly accessible (PubliclyAccessible is not false)', 'PubliclyAccessible');
}

export const NotPubliclyAccessible = resourceRule({
  id: 'DPP-2.1-NotPubliclyAccessible',
  clause: '2.1',
  level: 'error',
  critical: 'prod-pii',
  resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'AWS::Redshift::Cluster', 'AWS::DMS::ReplicationInstance'],
  description: 'Databases, Redshift clusters and DMS replication instances are not publicly accessible',
  fix: 'Set PubliclyAccessible: false and place the resource in the data tier',
  explanation: 'DPP 2.1 Network Protection requires network segmentation and public access only for approved users; a publicly accessible database endpoint resolves to a public IP address reachable from the internet.',
  check: (ctx) => {
    switch (ctx.type) {
      case 'AWS::DMS::ReplicationInstance':
        return requireExplicitFalse(ctx, 'a DMS replication instance is public by default');
      case 'AWS::RDS::DBInstance':
        return requireExplicitFalse(ctx, 'RDS makes the instance public when its VPC has an internet gateway');
      case 'AWS::RDS::DBCluster':
        // Only Multi-AZ DB clusters (DBClusterInstanceClass set) take PubliclyAccessible; Aurora decides per instance.
        return ctx.prop('DBClusterInstanceClass').kind === 'absent'
          ? requireNotTrue(ctx, 'PubliclyAccessible', 'the cluster is publicly accessible (PubliclyAccessible: true)')
          : requireExplicitFalse(ctx, 'RDS makes a Multi-AZ DB cluster public when its VPC has an internet gateway');
      default:
        return requireNotTrue(ctx, 'PubliclyAccessible', 'the cluster is publicly accessible (PubliclyAccessible: true)');
    }
  },
});

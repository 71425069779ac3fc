import { dataTierSubnet, interfaceSubnets } from '../../lookups/network';
import { fail, resourceRule, unresolvable, type ResourceContext, type Verdict } from '../../types';
import { asArray, asBoolean, isIntrinsic } from '../../values';

/** Public IPs an instance asks for on its network interfaces. */
function interfaceVerdicts(ctx: ResourceContext): Verdict[] {
  const interfaces = ctx.properties.NetworkInterfaces;
  if (isIntrinsic(interfaces)) return [unresolvable('NetworkInterfaces', 'network interfaces given by an intrinsic')];
  return asArray(interfaces).flatMap((ni, i): Verdict[] => {
    if (isIntrinsic(ni)) return [unresolvable(`NetworkInterfaces.${i}`, 'a network interface given by an intrinsic')];
    if (!ni || typeof ni !== 'object') return [];
    const spec = ni as Record<string, unknown>;
    const path = `NetworkInterfaces.${i}.AssociatePublicIpAddress`;
    const associate = ctx.index.classify(spec.AssociatePublicIpAddress);
    if (associate.kind !== 'unresolvable' && !(associate.kind === 'known' && asBoolean(associate.value) === true)) return [];
    const placement = dataTierSubnet(ctx.index, [spec.SubnetId ?? ctx.properties.SubnetId]);
    if (placement.data !== undefined) {
      return [associate.kind === 'unresolvable' ? unresolvable(path, `${associate.why}, in data-tier subnet ${placement.data}`) : fail(`network interface ${i} associates a public IP address in data-tier subnet ${placement.data}`, path)];
    }
    return placement.unknown !== undefined ? [unresolvable(spec.SubnetId !== undefined ? `NetworkInterfaces.${i}.SubnetId` : 'SubnetId', placement.unknown)] : [];
  });
}

/** Elastic IPs attached to the instance give it a public address whatever its interfaces say. */
function elasticIpVerdicts(ctx: ResourceContext): Verdict[] {
  const eips = [
    ...ctx.index.referrersOf(ctx.logicalId, 'AWS::EC2::EIP', 'Properties.InstanceId'),
    ...ctx.index.referrersOf(ctx.logicalId, 'AWS::EC2::EIPAssociation', 'Properties.InstanceId'),
  ];
  if (eips.length === 0) return [];
  const subnets = [ctx.properties.SubnetId, ...interfaceSubnets(ctx.properties.NetworkInterfaces)].filter((s) => s !== undefined);
  const placement = dataTierSubnet(ctx.index, subnets);
  if (placement.data !== undefined) return [fail(`Elastic IP ${eips[0].from} gives the instance in data-tier subnet ${placement.data} a public IP address`, 'SubnetId')];
  return placement.unknown !== undefined ? [unresolvable('SubnetId', `${placement.unknown}, on an instance with Elastic IP ${eips[0].from}`)] : [];
}

export const DataTierInstanceNoPublicIp = resourceRule({
  id: 'DPP-2.1-DataTierInstanceNoPublicIp',
  clause: '2.1',
  level: 'error',
  resourceTypes: ['AWS::EC2::Instance'],
  description: 'EC2 instances in a data-tier subnet have no public IP address (no AssociatePublicIpAddress, no Elastic IP)',
  fix: 'Remove AssociatePublicIpAddress and any Elastic IP from the instance, or move it out of the data tier',
  explanation: 'DPP 2.1 Network Protection requires network segmentation; the data tier must not be reachable from the internet.',
  check: (ctx) => [...interfaceVerdicts(ctx), ...elasticIpVerdicts(ctx)],
});

import { dataTierSubnet, launchSubnets } from '../../lookups/network';
import { fail, resourceRule, unresolvable, type ResourceContext, type Verdict } from '../../types';
import { asArray, asBoolean, isIntrinsic } from '../../values';

/** The public-IP settings a launcher declares, with the raw subnet each one names (if any). */
function publicIpSettings(ctx: ResourceContext): Array<{ path: string; raw: unknown; subnet: unknown }> {
  if (ctx.type === 'AWS::AutoScaling::LaunchConfiguration') return [{ path: 'AssociatePublicIpAddress', raw: ctx.properties.AssociatePublicIpAddress, subnet: undefined }];
  const data = ctx.properties.LaunchTemplateData;
  const interfaces = data && typeof data === 'object' && !isIntrinsic(data) ? (data as Record<string, unknown>).NetworkInterfaces : data;
  if (isIntrinsic(interfaces)) return [{ path: 'LaunchTemplateData.NetworkInterfaces', raw: interfaces, subnet: undefined }];
  return asArray(interfaces).map((ni, i) => {
    const spec = ni && typeof ni === 'object' ? (ni as Record<string, unknown>) : {};
    return { path: `LaunchTemplateData.NetworkInterfaces.${i}.AssociatePublicIpAddress`, raw: spec.AssociatePublicIpAddress, subnet: spec.SubnetId };
  });
}

export const DataTierLaunchTemplateNoPublicIp = resourceRule({
  id: 'DPP-2.1-DataTierLaunchTemplateNoPublicIp',
  clause: '2.1',
  level: 'error',
  resourceTypes: ['AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::LaunchConfiguration'],
  description: 'Launch templates and launch configurations used in a data-tier subnet do not associate public IP addresses',
  fix: 'Remove AssociatePublicIpAddress (or set it false) from the launch template or launch configuration used in the data tier',
  explanation: 'DPP 2.1 Network Protection requires network segmentation; the data tier must not be reachable from the internet.',
  check: (ctx) => {
    let placementSubnets: unknown[] | undefined;
    return publicIpSettings(ctx).flatMap(({ path, raw, subnet }): Verdict[] => {
      const associate = ctx.index.classify(raw);
      if (associate.kind !== 'unresolvable' && !(associate.kind === 'known' && asBoolean(associate.value) === true)) return [];
      // Subnets come from the interface itself, else from the groups and instances that launch from this resource.
      placementSubnets ??= launchSubnets(ctx.index, ctx.logicalId);
      const placement = dataTierSubnet(ctx.index, subnet !== undefined ? [subnet] : placementSubnets);
      if (placement.data !== undefined) {
        return [associate.kind === 'unresolvable' ? unresolvable(path, `${associate.why}, launched in data-tier subnet ${placement.data}`) : fail(`${path} is true and it launches in data-tier subnet ${placement.data}`, path)];
      }
      return placement.unknown !== undefined ? [unresolvable(path, `public IP requested and the subnet cannot be read: ${placement.unknown}`)] : [];
    });
  },
});

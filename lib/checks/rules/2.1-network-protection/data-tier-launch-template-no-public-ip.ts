import { dataTierSubnet, launchSubnets } from '../../lookups/network';
import { fail, resourceRule, unresolvable, type ResourceContext, type Verdict } from '../../types';
import { asArray, asBoolean, isIntrinsic } from '../../values';

interface PublicIpSetting {
  readonly path: string;
  readonly raw: unknown;
  /** The subnet the interface names itself, if any. */
  readonly subnet: unknown;
}

/** The public-IP settings a launcher declares, or the verdict when its interfaces cannot be read. */
function publicIpSettings(ctx: ResourceContext): PublicIpSetting[] | Verdict {
  if (ctx.type === 'AWS::AutoScaling::LaunchConfiguration') return [{ path: 'AssociatePublicIpAddress', raw: ctx.properties.AssociatePublicIpAddress, subnet: undefined }];
  const data = ctx.prop('LaunchTemplateData');
  if (data.kind === 'unresolvable') return unresolvable('LaunchTemplateData', data.why);
  const interfaces = ctx.prop('LaunchTemplateData.NetworkInterfaces');
  if (interfaces.kind === 'unresolvable') return unresolvable('LaunchTemplateData.NetworkInterfaces', interfaces.why);
  const settings: PublicIpSetting[] = [];
  for (const [i, ni] of asArray(interfaces.kind === 'known' ? interfaces.value : undefined).entries()) {
    if (isIntrinsic(ni)) return unresolvable(`LaunchTemplateData.NetworkInterfaces.${i}`, 'a network interface given by an intrinsic');
    const spec = ni && typeof ni === 'object' ? (ni as Record<string, unknown>) : {};
    settings.push({ path: `LaunchTemplateData.NetworkInterfaces.${i}.AssociatePublicIpAddress`, raw: spec.AssociatePublicIpAddress, subnet: spec.SubnetId });
  }
  return settings;
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
    const settings = publicIpSettings(ctx);
    if (!Array.isArray(settings)) return settings;
    let placementSubnets: unknown[] | undefined;
    return settings.flatMap(({ path, raw, subnet }): Verdict[] => {
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

import { requireNotTrue } from '../../assert';
import { resourceRule, unresolvable } from '../../types';
import { asBoolean } from '../../values';
import { TAG_NETWORK_TIER } from '../../vocabulary';

export const DataSubnetNoPublicIp = resourceRule({
  id: 'DPP-2.1-DataSubnetNoPublicIp',
  clause: '2.1',
  level: 'error',
  resourceTypes: ['AWS::EC2::Subnet'],
  description: 'Subnets of the data tier (dpp:network-tier=data) do not assign public IP addresses on launch',
  fix: 'Set MapPublicIpOnLaunch: false on the data-tier subnet',
  explanation: 'DPP 2.1 Network Protection requires network segmentation; the data tier must not be reachable from the internet, so nothing launched in it may get a public IP address.',
  check: (ctx) => {
    const tier = ctx.tag(TAG_NETWORK_TIER);
    if (tier.kind === 'unresolvable') {
      const map = ctx.prop('MapPublicIpOnLaunch');
      const mayBePublic = map.kind === 'unresolvable' || (map.kind === 'known' && asBoolean(map.value) === true);
      return mayBePublic ? unresolvable(`Tags.${TAG_NETWORK_TIER}`, tier.why) : undefined;
    }
    if (tier.kind !== 'known' || String(tier.value).toLowerCase() !== 'data') return undefined;
    return requireNotTrue(ctx, 'MapPublicIpOnLaunch', 'the data-tier subnet assigns a public IP address to everything launched in it (MapPublicIpOnLaunch: true)');
  },
});

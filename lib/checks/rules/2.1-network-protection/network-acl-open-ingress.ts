import { aclTiers, EPHEMERAL_PORTS, formatPorts, isOpenCidr, normaliseProtocol, within, type PortRange } from '../../lookups/network';
import { fail, resourceRule, unresolvable, type ResourceContext, type Verdict } from '../../types';
import { asBoolean, asNumber, isIntrinsic } from '../../values';

/** Only HTTPS and return traffic may come in from anywhere. */
function portsVerdict(ctx: ResourceContext, open: string): Verdict | undefined {
  const protocolRaw = ctx.properties.Protocol;
  if (isIntrinsic(protocolRaw)) return unresolvable('Protocol', `an intrinsic, on an entry open to ${open}`);
  const protocol = normaliseProtocol(protocolRaw);
  if (protocol !== 'tcp' && protocol !== 'udp') return fail(`the entry allows ${open} inbound on ${protocol === 'all' ? 'all traffic (Protocol -1)' : `protocol ${protocol}`}`, 'Protocol');
  const from = ctx.prop('PortRange.From');
  const to = ctx.prop('PortRange.To');
  for (const [value, path] of [[from, 'PortRange.From'], [to, 'PortRange.To']] as const) {
    if (value.kind === 'unresolvable') return unresolvable(path, value.why);
  }
  const f = from.kind === 'known' ? asNumber(from.value) : undefined;
  const t = to.kind === 'known' ? asNumber(to.value) : undefined;
  const ports: PortRange = f === undefined || t === undefined ? { from: 0, to: 65535 } : { from: f, to: t };
  const https = protocol === 'tcp' && ports.from === 443 && ports.to === 443;
  if (https || within(ports, EPHEMERAL_PORTS)) return undefined;
  return fail(`the entry allows ${open} inbound on ${protocol} ${formatPorts(ports)}; only tcp 443 and ephemeral ports ${formatPorts(EPHEMERAL_PORTS)} may be open to the internet`, 'PortRange');
}

/** The ACL must be associated with public-tier subnets only. */
function tierVerdict(ctx: ResourceContext): Verdict | undefined {
  const acl = ctx.prop('NetworkAclId');
  if (acl.kind === 'unresolvable') return unresolvable('NetworkAclId', acl.why);
  if (acl.kind !== 'reference' || ctx.index.typeOf(acl.logicalId) !== 'AWS::EC2::NetworkAcl') {
    return fail('the entry is on a network ACL not declared in this template (or the VPC default ACL), which cannot be shown to serve only the public tier', 'NetworkAclId');
  }
  const tiers = aclTiers(ctx.index, acl.logicalId);
  switch (tiers.kind) {
    case 'unassociated':
      return fail(`network ACL ${acl.logicalId} is not associated with any public-tier subnet`, 'NetworkAclId');
    case 'unknown':
      return unresolvable('NetworkAclId', tiers.why);
    case 'not-public':
      return fail(`network ACL ${acl.logicalId} allows the internet in and is associated with ${tiers.subnet}, which is not a public-tier subnet`, 'NetworkAclId');
  }
  return undefined;
}

export const NetworkAclOpenIngress = resourceRule({
  id: 'DPP-2.1-NetworkAclOpenIngress',
  clause: '2.1',
  level: 'error',
  resourceTypes: ['AWS::EC2::NetworkAclEntry'],
  description: 'Network ACL entries allow 0.0.0.0/0 or ::/0 inbound only on ACLs of public-tier subnets, and only for TCP 443 and ephemeral return ports (1024-65535)',
  fix: 'Limit the entry to the approved CIDRs, or to TCP 443 / ports 1024-65535 on the public tier\'s network ACL',
  explanation: 'DPP 2.1 Network Protection requires network access control lists that deny unauthorized IP addresses, and network segmentation; only the public tier may accept traffic from the whole internet.',
  check: (ctx) => {
    const egress = ctx.prop('Egress');
    if (egress.kind === 'unresolvable') return unresolvable('Egress', egress.why);
    if (egress.kind === 'known' && asBoolean(egress.value) === true) return undefined;
    const action = ctx.prop('RuleAction');
    if (action.kind === 'unresolvable') return unresolvable('RuleAction', action.why);
    if (action.kind === 'known' && String(action.value).toLowerCase() !== 'allow') return undefined;
    let open: string | undefined;
    for (const key of ['CidrBlock', 'Ipv6CidrBlock']) {
      const cidr = ctx.prop(key);
      if (cidr.kind === 'unresolvable') return unresolvable(key, cidr.why);
      if (cidr.kind === 'known' && isOpenCidr(cidr.value)) open ??= String(cidr.value);
    }
    if (open === undefined) return undefined;
    return [portsVerdict(ctx, open), tierVerdict(ctx)].filter((v): v is Verdict => v !== undefined);
  },
});

import type { TemplateIndex } from '../template-index';
import { asArray, asNumber, type Value } from '../values';
import { TAG_NETWORK_TIER } from '../vocabulary';

/**
 * Network lookups shared by the DPP 2.1 Network Protection rules: open CIDRs, port ranges, and
 * the network tier (`dpp:network-tier`) of the subnets a resource is placed in.
 */

/** True for a CIDR that matches every address: `0.0.0.0/0`, `::/0` (any spelling with a /0 prefix). */
export function isOpenCidr(cidr: unknown): boolean {
  return typeof cidr === 'string' && /\/0+$/.test(cidr.trim());
}

/** An inclusive port range; `all` protocols ignore ports. */
export interface PortRange {
  readonly from: number;
  readonly to: number;
}

export const ALL_PORTS: PortRange = { from: 0, to: 65535 };

/** The ephemeral (return-traffic) port range. */
export const EPHEMERAL_PORTS: PortRange = { from: 1024, to: 65535 };

/** True when `inner` lies within `outer`. */
export function within(inner: PortRange, outer: PortRange): boolean {
  return inner.from >= outer.from && inner.to <= outer.to;
}

/** `22`, `0-65535`, for messages. */
export function formatPorts(range: PortRange): string {
  return range.from === range.to ? String(range.from) : `${range.from}-${range.to}`;
}

/**
 * An IP protocol as a security group or network ACL names it (`tcp`, `6`, `-1`, `all`, `icmp`…),
 * normalised to `tcp`, `udp`, `all` or the lower-cased original.
 */
export function normaliseProtocol(protocol: unknown): string {
  const p = String(protocol).trim().toLowerCase();
  if (p === '6' || p === 'tcp') return 'tcp';
  if (p === '17' || p === 'udp') return 'udp';
  if (p === '-1' || p === 'all') return 'all';
  return p;
}

/**
 * The ports a from/to pair opens. A missing bound or -1 means every port (ICMP types use the same
 * fields and are not ports: callers only ask for tcp/udp).
 */
export function portRange(from: unknown, to: unknown): PortRange {
  const f = asNumber(from);
  const t = asNumber(to);
  if (f === undefined || t === undefined || f < 0 || t < 0) return ALL_PORTS;
  return { from: Math.min(f, t), to: Math.max(f, t) };
}

/**
 * The `dpp:network-tier` tag of the subnet a raw `SubnetId` value names. A subnet outside the
 * template (a literal `subnet-…`) has no tier the template can show: `absent`. A parameter or a
 * condition is `unresolvable`.
 */
export function subnetTier(index: TemplateIndex, rawSubnetId: unknown): Value {
  const value = index.classify(rawSubnetId);
  if (value.kind === 'unresolvable') return value;
  if (value.kind !== 'reference') return { kind: 'absent' };
  if (index.typeOf(value.logicalId) !== 'AWS::EC2::Subnet') return { kind: 'absent' };
  return index.tag(value.logicalId, TAG_NETWORK_TIER);
}

/** The raw subnet IDs an Auto Scaling group launches into (`VPCZoneIdentifier`); an intrinsic list is one unknown entry. */
export function autoScalingSubnets(index: TemplateIndex, groupId: string): unknown[] {
  const raw = index.resource(groupId)?.Properties?.VPCZoneIdentifier;
  return Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
}

/**
 * How a set of raw subnet IDs sits against the data tier: `data` names a subnet tagged
 * `dpp:network-tier=data`, `unknown` explains the first subnet whose tier cannot be read.
 */
export function dataTierSubnet(index: TemplateIndex, rawSubnetIds: readonly unknown[]): { data?: string; unknown?: string } {
  let unknown: string | undefined;
  for (const raw of rawSubnetIds) {
    const tier = subnetTier(index, raw);
    if (tier.kind === 'unresolvable') unknown ??= tier.why;
    else if (tier.kind === 'known' && String(tier.value).toLowerCase() === 'data') {
      const ref = index.classify(raw);
      return { data: ref.kind === 'reference' ? ref.logicalId : String(raw) };
    }
  }
  return { unknown };
}

/** The raw `SubnetId`s of a list of network interface specifications (instances, launch templates). */
export function interfaceSubnets(interfaces: unknown): unknown[] {
  return asArray(interfaces)
    .map((ni) => (ni && typeof ni === 'object' ? (ni as Record<string, unknown>).SubnetId : undefined))
    .filter((s) => s !== undefined);
}

/**
 * The raw subnet IDs a launch template or launch configuration ends up in: the subnets of the
 * Auto Scaling groups and instances of the template that launch from it.
 */
export function launchSubnets(index: TemplateIndex, launcherId: string): unknown[] {
  const subnets: unknown[] = [];
  for (const ref of index.referrersOf(launcherId, 'AWS::AutoScaling::AutoScalingGroup')) subnets.push(...autoScalingSubnets(index, ref.from));
  for (const ref of index.referrersOf(launcherId, 'AWS::EC2::Instance')) {
    const props = index.resource(ref.from)?.Properties ?? {};
    if (props.SubnetId !== undefined) subnets.push(props.SubnetId);
    subnets.push(...interfaceSubnets(props.NetworkInterfaces));
  }
  return subnets;
}

/** What the subnets associated with a network ACL are: all public tier, one that is not, or undecidable. */
export type AclTiers =
  | { readonly kind: 'public-only' }
  | { readonly kind: 'unassociated' }
  | { readonly kind: 'not-public'; readonly subnet: string }
  | { readonly kind: 'unknown'; readonly why: string };

const aclTiersCache = new WeakMap<TemplateIndex, Map<string, AclTiers>>();

/**
 * The tiers an ACL of the template serves, through its subnet associations. Computed once per ACL
 * and template: every open entry of an ACL asks the same question, and an ACL may carry many.
 */
export function aclTiers(index: TemplateIndex, aclId: string): AclTiers {
  let cache = aclTiersCache.get(index);
  if (!cache) aclTiersCache.set(index, (cache = new Map()));
  let tiers = cache.get(aclId);
  if (!tiers) cache.set(aclId, (tiers = computeAclTiers(index, aclId)));
  return tiers;
}

function computeAclTiers(index: TemplateIndex, aclId: string): AclTiers {
  const associations = index.referrersOf(aclId, 'AWS::EC2::SubnetNetworkAclAssociation', 'Properties.NetworkAclId');
  if (associations.length === 0) return { kind: 'unassociated' };
  for (const association of associations) {
    const subnet = index.classify(index.resource(association.from)?.Properties?.SubnetId);
    if (subnet.kind === 'unresolvable') return { kind: 'unknown', why: `association ${association.from} names its subnet by ${subnet.why}` };
    if (subnet.kind !== 'reference') return { kind: 'unknown', why: `association ${association.from} names a subnet outside this template` };
    const tier = index.tag(subnet.logicalId, TAG_NETWORK_TIER);
    if (tier.kind === 'unresolvable') return { kind: 'unknown', why: `the ${TAG_NETWORK_TIER} tag of ${subnet.logicalId} is ${tier.why}` };
    if (!(tier.kind === 'known' && String(tier.value).toLowerCase() === 'public')) return { kind: 'not-public', subnet: subnet.logicalId };
  }
  return { kind: 'public-only' };
}


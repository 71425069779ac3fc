/**
 * The three network tiers of a {@link SegmentedVpc} and how its address space is split between
 * them (DPP 2.1 Network Protection: network segmentation).
 *
 * Each tier owns one aligned quarter of the VPC's CIDR block, so one network ACL entry can name a
 * whole tier: `10.10.0.0/16` gives public `10.10.0.0/18`, application `10.10.64.0/18`, data
 * `10.10.128.0/18` (the last quarter is left free for growth). Each tier's block is then split
 * evenly into one subnet per availability zone.
 */

/** `public`: load balancers and NAT gateways; `application`: private with egress; `data`: isolated. */
export type NetworkTier = 'public' | 'application' | 'data';

/** The tiers, in address order. */
export const NETWORK_TIERS: readonly NetworkTier[] = ['public', 'application', 'data'];

/** One tier's address block and its subnets' blocks, one per availability zone (in zone order). */
export interface TierLayout {
  readonly block: string;
  readonly subnets: readonly string[];
}

/** The smallest subnet AWS allows. */
export const SMALLEST_SUBNET_PREFIX = 28;

const TIER_PREFIX_BITS = 2;

function ipv4ToNumber(address: string): number {
  return address.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
}

function numberToIpv4(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

/** Bits needed to number `count` subnets. */
function bitsFor(count: number): number {
  return Math.ceil(Math.log2(count));
}

/**
 * Splits an IPv4 VPC block into the three tiers' blocks and their per-zone subnets.
 * Throws when the block is not aligned or too small for the number of zones.
 */
export function layoutTiers(vpcCidr: string, zoneCount: number): Record<NetworkTier, TierLayout> {
  const [address, prefixText] = vpcCidr.split('/');
  const prefix = Number(prefixText);
  const base = ipv4ToNumber(address);
  const size = 2 ** (32 - prefix);
  if (base % size !== 0) throw new Error(`${vpcCidr} is not a network address (host bits set); use ${numberToIpv4(base - (base % size))}/${prefix}`);
  const tierPrefix = prefix + TIER_PREFIX_BITS;
  const subnetPrefix = tierPrefix + bitsFor(zoneCount);
  if (subnetPrefix > SMALLEST_SUBNET_PREFIX) {
    throw new Error(`${vpcCidr} is too small for ${zoneCount} availability zones: subnets would be /${subnetPrefix}, smaller than /${SMALLEST_SUBNET_PREFIX}`);
  }
  const tierSize = 2 ** (32 - tierPrefix);
  const subnetSize = 2 ** (32 - subnetPrefix);
  const layout = {} as Record<NetworkTier, TierLayout>;
  NETWORK_TIERS.forEach((tier, t) => {
    const tierBase = base + t * tierSize;
    layout[tier] = {
      block: `${numberToIpv4(tierBase)}/${tierPrefix}`,
      subnets: Array.from({ length: zoneCount }, (_, z) => `${numberToIpv4(tierBase + z * subnetSize)}/${subnetPrefix}`),
    };
  });
  return layout;
}

/**
 * The firewall subnets' blocks (`SegmentedVpc` `egressFirewall`): one /28 per zone at the start of
 * the VPC block's fourth quarter, which the tiers leave free, so the tiers' blocks do not move.
 */
export function firewallSubnetBlocks(vpcCidr: string, zoneCount: number): string[] {
  const [address, prefixText] = vpcCidr.split('/');
  const tierSize = 2 ** (32 - Number(prefixText) - TIER_PREFIX_BITS);
  const reserveBase = ipv4ToNumber(address) + NETWORK_TIERS.length * tierSize;
  const size = 2 ** (32 - SMALLEST_SUBNET_PREFIX);
  return Array.from({ length: zoneCount }, (_, z) => `${numberToIpv4(reserveBase + z * size)}/${SMALLEST_SUBNET_PREFIX}`);
}

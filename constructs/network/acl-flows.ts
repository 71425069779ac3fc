import type { NetworkTier } from './tiers';

/**
 * The traffic each tier's network ACL allows (DPP 2.1 Network Protection: deny unauthorised IPs,
 * network segmentation). A {@link SegmentedVpc}'s ACLs contain exactly these entries and nothing
 * else; everything not listed hits the ACL's implicit deny.
 *
 * Network ACLs are stateless: every allowed connection needs an entry for its request on the way
 * in and one for its response on the way back, and the response travels to the client's
 * ephemeral port (1024-65535 covers Linux, Lambda, NAT gateways and load balancers). Where the
 * peer is the internet (responses to requests the NAT gateway forwarded) the response's source is
 * the remote server, so that return entry has to name `0.0.0.0/0`; the stateful security groups
 * and the absence of any inbound route from the internet to the private tiers keep unsolicited
 * traffic out there. Traffic to the Amazon DNS resolver, instance metadata and time sync is not
 * filtered by network ACLs and needs no entry.
 */

/** An inclusive TCP port range. */
export interface PortRange {
  readonly from: number;
  readonly to: number;
}

/** One allowed TCP flow through a tier's network ACL. */
export interface AclFlow {
  /** The tier whose ACL holds the entry. */
  readonly tier: NetworkTier;
  /** `ingress`: traffic entering the tier's subnets from `peer`; `egress`: leaving them for `peer`. */
  readonly direction: 'ingress' | 'egress';
  /** The other end's CIDR block. */
  readonly peer: string;
  /** The destination ports allowed. */
  readonly ports: PortRange;
  /** Why the flow is needed. */
  readonly why: string;
}

/** What the flows are computed from. */
export interface AclFlowInput {
  /** Each tier's address block. */
  readonly tierBlocks: Readonly<Record<NetworkTier, string>>;
  /** The IPv4 blocks allowed to reach the public tier on 443. */
  readonly approvedCidrs: readonly string[];
  readonly applicationPort: number;
  readonly databasePort: number;
}

export const ANYWHERE = '0.0.0.0/0';
export const HTTPS: PortRange = { from: 443, to: 443 };
/** Client ports that responses return to. */
export const EPHEMERAL: PortRange = { from: 1024, to: 65535 };

function port(n: number): PortRange {
  return { from: n, to: n };
}

/** Every flow the three tiers' network ACLs allow, in rule order per tier and direction. */
export function aclFlows(input: AclFlowInput): AclFlow[] {
  const { public: pub, application: app, data } = input.tierBlocks;
  const appPort = port(input.applicationPort);
  const dbPort = port(input.databasePort);
  return [
    // Public tier: load balancers facing approved clients, NAT gateways forwarding the application tier's HTTPS.
    ...input.approvedCidrs.map((cidr): AclFlow => ({ tier: 'public', direction: 'ingress', peer: cidr, ports: HTTPS, why: 'approved clients reach the load balancers over HTTPS' })),
    { tier: 'public', direction: 'ingress', peer: app, ports: HTTPS, why: "the application tier's HTTPS requests enter the NAT gateways" },
    { tier: 'public', direction: 'ingress', peer: ANYWHERE, ports: EPHEMERAL, why: "responses: from the internet to the NAT gateways' requests, from the application tier to the load balancers" },
    ...input.approvedCidrs.map((cidr): AclFlow => ({ tier: 'public', direction: 'egress', peer: cidr, ports: EPHEMERAL, why: 'the load balancers respond to approved clients' })),
    { tier: 'public', direction: 'egress', peer: app, ports: appPort, why: 'the load balancers forward requests to the application tier' },
    { tier: 'public', direction: 'egress', peer: app, ports: EPHEMERAL, why: 'the NAT gateways return internet responses to the application tier' },
    { tier: 'public', direction: 'egress', peer: ANYWHERE, ports: HTTPS, why: "the NAT gateways forward the application tier's HTTPS requests to the internet" },

    // Application tier: behind the load balancers, in front of the database; HTTPS out through NAT and endpoints.
    { tier: 'application', direction: 'ingress', peer: pub, ports: appPort, why: 'the load balancers reach the application' },
    { tier: 'application', direction: 'ingress', peer: app, ports: HTTPS, why: 'clients reach the interface endpoints in another zone of the tier' },
    { tier: 'application', direction: 'ingress', peer: ANYWHERE, ports: EPHEMERAL, why: 'responses: from the internet through the NAT gateways (source = the remote server), the endpoints and the database' },
    { tier: 'application', direction: 'egress', peer: pub, ports: EPHEMERAL, why: 'the application responds to the load balancers' },
    { tier: 'application', direction: 'egress', peer: data, ports: dbPort, why: 'the application reaches the database' },
    { tier: 'application', direction: 'egress', peer: ANYWHERE, ports: HTTPS, why: 'HTTPS to AWS APIs (through the endpoints) and to the internet (through the NAT gateways)' },
    { tier: 'application', direction: 'egress', peer: app, ports: EPHEMERAL, why: 'the interface endpoints respond to clients in another zone of the tier' },

    // Data tier: the database port from the application tier, and its responses; nothing else.
    { tier: 'data', direction: 'ingress', peer: app, ports: dbPort, why: 'the application tier reaches the database' },
    { tier: 'data', direction: 'egress', peer: app, ports: EPHEMERAL, why: 'the database responds to the application tier' },
  ];
}

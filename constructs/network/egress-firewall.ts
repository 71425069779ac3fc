import { Fn, Names, RemovalPolicy, Tags, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as networkfirewall from 'aws-cdk-lib/aws-networkfirewall';
import { Construct } from 'constructs';
import { NetworkAclOpenIngress } from '../../lib/checks/rules/2.1-network-protection/network-acl-open-ingress';
import { TAG_CLASSIFICATION, TAG_NETWORK_TIER } from '../../lib/checks/vocabulary';
import { egressDomainProblem, egressDomainsProblem, MAX_ALLOWED_DOMAINS } from '../../lib/policy/validators';
import { invalidProp, requireValid } from '../common/validate';
import { retainExceptOnCreate } from '../common/removal';
import { ANYWHERE } from './acl-flows';

/**
 * Network Firewall facts this construct relies on, each with its source.
 * - Domain-list targets: an explicit name, or a name with a leading `.` for the domain and all its
 *   subdomains; target types `TLS_SNI` (HTTPS, by the TLS server name) and `HTTP_HOST` (HTTP)
 *   (AWS::NetworkFirewall::RuleGroup RulesSourceList, CloudFormation Template Reference).
 * - A rule group's capacity is fixed at creation and cannot be exceeded by later updates
 *   ("Setting rule group capacity in AWS Network Firewall", Network Firewall Developer Guide).
 * - `Fn::GetAtt Firewall.EndpointIds` is a list of `"<availability zone>:<vpce id>"` strings in no
 *   documented order (AWS::NetworkFirewall::Firewall return values;
 *   aws-cloudformation/aws-cloudformation-resource-providers-networkfirewall#15).
 */
export const NETWORK_FIREWALL_FACTS = {
  targetTypes: ['HTTP_HOST', 'TLS_SNI'],
  endpointIdSeparator: ':',
} as const;

/**
 * The capacity reserved for the domain list: room for 500 domains at one rule per domain and
 * target type (a deliberate over-estimate; the capacity cannot grow after creation).
 */
export const DOMAIN_LIST_CAPACITY = 1000;

/** Props of {@link EgressFirewall}. */
export interface EgressFirewallProps {
  /** The VPC the firewall stands in. */
  readonly vpc: ec2.IVpc;
  /** The availability zones, in the order of the subnet lists below. */
  readonly availabilityZones: readonly string[];
  /** One block per zone for the firewall subnets (a /28 is enough: the firewall endpoint is all they hold). */
  readonly firewallSubnetCidrs: readonly string[];
  /** The application tier's subnets, one per zone: their default route is sent through the firewall. */
  readonly applicationSubnets: readonly ec2.ISubnet[];
  /** The subnets holding the NAT gateways: their route back to each application subnet goes through the firewall too. */
  readonly publicSubnets: readonly ec2.ISubnet[];
  /**
   * The domains the application tier may reach (DPP 2.1): explicit names, or `.example.com` for a
   * domain and its subdomains. Everything else over HTTP and TLS is dropped.
   */
  readonly allowedDomains: readonly string[];
  /** The key that encrypts the firewall's log groups; its policy must let CloudWatch Logs use it. */
  readonly logEncryptionKey: kms.IKey;
  /** Days the firewall's alert and flow logs are kept (DPP 3.6). */
  readonly logRetention: logs.RetentionDays;
  /**
   * Whether the log groups are deleted with the stack (test environments).
   * @default false - retained
   */
  readonly disposable?: boolean;
}

const NAME = 'EgressFirewall';

/**
 * The firewall endpoint of one zone out of `Fn::GetAtt EndpointIds`, whose order is not documented:
 * the list is joined with `,`, split on `"<zone>:"`, and what follows up to the next `,` is the
 * endpoint ID. A zone name never occurs inside another's followed by `:` (`eu-west-1a:` is not a
 * part of `eu-west-1b:`, nor of a Local Zone's name).
 */
export function endpointOfZone(endpointIds: string[], zone: string): string {
  return Fn.select(0, Fn.split(',', Fn.select(1, Fn.split(`${zone}${NETWORK_FIREWALL_FACTS.endpointIdSeparator}`, Fn.join(',', endpointIds)))));
}


/**
 * AWS Network Firewall on the application tier's egress, with a domain allowlist (DPP 2.1 Network
 * Protection: network firewalls deny access to unauthorized destinations). One firewall subnet per
 * zone holds the firewall endpoint; the application subnets' default route goes to their zone's
 * endpoint, the firewall subnets' to the NAT gateway, and the NAT's subnets route each application
 * subnet back through that subnet's endpoint, so both directions are inspected. The stateful
 * domain-list rule group passes HTTP (Host header) and TLS (server name) to the allowed domains and
 * drops other HTTP and TLS; alert and flow logs go to KMS-encrypted log groups. Billed per
 * endpoint-hour and per GB processed: off by default in the baseline.
 */
export class EgressFirewall extends Construct {
  public readonly firewall: networkfirewall.CfnFirewall;
  public readonly policy: networkfirewall.CfnFirewallPolicy;
  public readonly domainAllowlist: networkfirewall.CfnRuleGroup;
  public readonly firewallSubnets: readonly ec2.Subnet[];
  public readonly networkAcl: ec2.NetworkAcl;
  public readonly alertLogGroup: logs.LogGroup;
  public readonly flowLogGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: EgressFirewallProps) {
    super(scope, id);
    const zones = props.availabilityZones;
    for (const [prop, list] of [['firewallSubnetCidrs', props.firewallSubnetCidrs], ['applicationSubnets', props.applicationSubnets]] as const) {
      if (list.length !== zones.length) invalidProp(NAME, prop, `has ${list.length} entries for ${zones.length} availability zones`);
    }
    const domains = props.allowedDomains.map((domain) => requireValid(NAME, 'allowedDomains', domain, egressDomainProblem(domain)));
    requireValid(NAME, 'allowedDomains', domains, egressDomainsProblem(domains, MAX_ALLOWED_DOMAINS));
    const name = Names.uniqueResourceName(this, { maxLength: 100, separator: '-' });

    this.firewallSubnets = zones.map((zone, i) => {
      const subnet = new ec2.Subnet(this, `Subnet${i + 1}`, { vpcId: props.vpc.vpcId, availabilityZone: zone, cidrBlock: props.firewallSubnetCidrs[i], mapPublicIpOnLaunch: false });
      Tags.of(subnet).add(TAG_NETWORK_TIER, 'firewall');
      return subnet;
    });
    this.networkAcl = this.addNetworkAcl(props.vpc, props.applicationSubnets.map((s) => s.ipv4CidrBlock));

    this.domainAllowlist = new networkfirewall.CfnRuleGroup(this, 'DomainAllowlist', {
      ruleGroupName: `${name}-domains`,
      type: 'STATEFUL',
      capacity: DOMAIN_LIST_CAPACITY,
      description: 'DPP 2.1: the domains the application tier may reach over HTTP and TLS',
      ruleGroup: {
        rulesSource: { rulesSourceList: { generatedRulesType: 'ALLOWLIST', targets: domains, targetTypes: [...NETWORK_FIREWALL_FACTS.targetTypes] } },
      },
    });
    this.policy = new networkfirewall.CfnFirewallPolicy(this, 'Policy', {
      firewallPolicyName: `${name}-policy`,
      description: 'DPP 2.1: every packet to the stateful engine, which applies the domain allowlist',
      firewallPolicy: {
        statelessDefaultActions: ['aws:forward_to_sfe'],
        statelessFragmentDefaultActions: ['aws:forward_to_sfe'],
        statefulRuleGroupReferences: [{ resourceArn: this.domainAllowlist.attrRuleGroupArn }],
      },
    });
    this.firewall = new networkfirewall.CfnFirewall(this, 'Firewall', {
      firewallName: name,
      description: 'DPP 2.1: the application tier\'s egress, allowed domains only',
      firewallPolicyArn: this.policy.attrFirewallPolicyArn,
      vpcId: props.vpc.vpcId,
      subnetMappings: this.firewallSubnets.map((s) => ({ subnetId: s.subnetId })),
    });

    const removalPolicy = props.disposable ? RemovalPolicy.DESTROY : retainExceptOnCreate();
    const logGroup = (logId: string) => {
      const group = new logs.LogGroup(this, logId, { encryptionKey: props.logEncryptionKey, retention: props.logRetention, removalPolicy });
      // Addresses, ports and domain names of connections: confidential, never PII content.
      Tags.of(group).add(TAG_CLASSIFICATION, 'confidential');
      return group;
    };
    this.alertLogGroup = logGroup('AlertLogs');
    this.flowLogGroup = logGroup('FlowLogs');
    new networkfirewall.CfnLoggingConfiguration(this, 'Logging', {
      firewallArn: this.firewall.attrFirewallArn,
      loggingConfiguration: {
        logDestinationConfigs: [
          { logType: 'ALERT', logDestinationType: 'CloudWatchLogs', logDestination: { logGroup: this.alertLogGroup.logGroupName } },
          { logType: 'FLOW', logDestinationType: 'CloudWatchLogs', logDestination: { logGroup: this.flowLogGroup.logGroupName } },
        ],
      },
    });

    this.addRoutes(props);
  }

  private addRoutes(props: EgressFirewallProps): void {
    props.applicationSubnets.forEach((subnet, i) => {
      const endpoint = endpointOfZone(this.firewall.attrEndpointIds, props.availabilityZones[i]);
      // The default route ec2.Vpc gave the subnet (to a NAT gateway) now goes to the zone's firewall endpoint.
      const defaultRoute = subnet.node.tryFindChild('DefaultRoute') as ec2.CfnRoute | undefined;
      if (!defaultRoute?.natGatewayId) invalidProp(NAME, 'applicationSubnets', `${subnet.node.path} has no default route to a NAT gateway`);
      const natGatewayId = defaultRoute.natGatewayId;
      defaultRoute.natGatewayId = undefined;
      defaultRoute.vpcEndpointId = endpoint;
      new ec2.CfnRoute(this, `ToNat${i + 1}`, { routeTableId: this.firewallSubnets[i].routeTable.routeTableId, destinationCidrBlock: '0.0.0.0/0', natGatewayId });
      props.publicSubnets.forEach((publicSubnet, p) => {
        new ec2.CfnRoute(this, `Return${p + 1}To${i + 1}`, { routeTableId: publicSubnet.routeTable.routeTableId, destinationCidrBlock: subnet.ipv4CidrBlock, vpcEndpointId: endpoint });
      });
    });
  }

  /** HTTPS from the application subnets out to the internet, and its responses back: nothing else. */
  private addNetworkAcl(vpc: ec2.IVpc, applicationBlocks: readonly string[]): ec2.NetworkAcl {
    const acl = new ec2.NetworkAcl(this, 'Acl', { vpc, subnetSelection: { subnets: [...this.firewallSubnets] } });
    Tags.of(acl).add(TAG_NETWORK_TIER, 'firewall');
    let rule = 100;
    const entry = (direction: ec2.TrafficDirection, cidr: string, traffic: ec2.AclTraffic) => {
      const id = `${direction === ec2.TrafficDirection.INGRESS ? 'In' : 'Out'}${rule}`;
      const made = acl.addEntry(id, { ruleNumber: rule, cidr: ec2.AclCidr.ipv4(cidr), traffic, direction, ruleAction: ec2.Action.ALLOW });
      rule += 10;
      return made;
    };
    for (const block of applicationBlocks) {
      entry(ec2.TrafficDirection.INGRESS, block, ec2.AclTraffic.tcpPort(443));
      entry(ec2.TrafficDirection.EGRESS, block, ec2.AclTraffic.tcpPortRange(1024, 65535));
    }
    const returnEntry = entry(ec2.TrafficDirection.INGRESS, ANYWHERE, ec2.AclTraffic.tcpPortRange(1024, 65535));
    Validations.of(returnEntry).acknowledge({ id: `DPP::${NetworkAclOpenIngress.id}`, reason: FIREWALL_RETURN_REASON });
    entry(ec2.TrafficDirection.EGRESS, ANYWHERE, ec2.AclTraffic.tcpPort(443));
    return acl;
  }
}

const FIREWALL_RETURN_REASON =
  'Return path of the application tier\'s HTTPS egress through the firewall endpoint: network ACLs are stateless and the responses keep the remote server as source, so the entry must name 0.0.0.0/0. '
  + 'It admits TCP 1024-65535 only; the firewall subnets hold nothing but the firewall endpoint, and their route to the internet goes through a NAT gateway, which admits no unsolicited inbound.';

import { Aws, RemovalPolicy, Stack, Tags, Token, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { NetworkAclOpenIngress } from '../../lib/checks/rules/2.1-network-protection/network-acl-open-ingress';
import { TAG_CLASSIFICATION, TAG_NETWORK_TIER, TAG_SEGMENTED } from '../../lib/checks/vocabulary';
import { provisionedDefaults } from '../../lib/policy/defaults';
import type { PolicyProfile } from '../../lib/policy/profile';
import { approvedCidrCountProblem, approvedCidrProblem, distinctPortsProblem, vpcCidrProblem } from '../../lib/policy/validators';
import { acknowledgeControlPlaneFunction, acknowledgeInlinePolicy, acknowledgeNag, awsManagedPolicyFinding } from '../common/nag-acknowledgments';
import { invalidProp, policyFor, requireIntegerInRange, requireLogRetention, requirePort, requireValid } from '../common/validate';
import { aclFlows, ANYWHERE, type AclFlow } from './acl-flows';
import { EgressFirewall } from './egress-firewall';
import { firewallSubnetBlocks, layoutTiers, NETWORK_TIERS, type NetworkTier, type TierLayout } from './tiers';
import { retainExceptOnCreate } from '../common/removal';
import { recordCreationTrace } from '../common/creation-trace';

/** A zone name is its region's name and a letter (`eu-west-1a`), or a Local Zone's (`us-east-1-bos-1a`). */
function isZoneOf(zone: string, region: string): boolean {
  return zone.startsWith(region) && /^[a-z]$|^-[a-z0-9-]+[a-z]$/.test(zone.slice(region.length));
}

/**
 * Builds the VPC with the stack's zones read as `zones`. `ec2.Vpc` checks given zones against
 * `Stack.availabilityZones`, which in a stack with an explicit account and region is a context
 * lookup that needs AWS credentials (aws/aws-cdk#21690, #25468; the documented workaround is to
 * override the getter in the stack). A construct cannot change its stack's class, so the getter
 * is shadowed on the stack instance for the VPC's construction only; a stack that overrides it
 * itself (the baseline's does) is left alone, and the zones are checked against the region above.
 */
function overridesZones(stack: Stack): boolean {
  for (let proto: object | null = stack; proto && proto !== Stack.prototype; proto = Object.getPrototypeOf(proto)) {
    if (Object.getOwnPropertyDescriptor(proto, 'availabilityZones')) return true;
  }
  return false;
}

function withZonesOf<T>(stack: Stack, zones: string[], build: () => T): T {
  if (Token.isUnresolved(stack.account) || Token.isUnresolved(stack.region) || overridesZones(stack)) return build();
  Object.defineProperty(stack, 'availabilityZones', { configurable: true, get: () => zones });
  try {
    return build();
  } finally {
    delete (stack as { availabilityZones?: string[] }).availabilityZones;
  }
}

/** Props of {@link SegmentedVpc}. */
export interface SegmentedVpcProps {
  /** The availability zones to spread each tier over (at least one), e.g. `['eu-west-1a', 'eu-west-1b']`. */
  readonly availabilityZones: readonly string[];
  /**
   * The IPv4 blocks allowed to reach the public tier on 443 (DPP 2.1: public access only for
   * approved users). At least one; never `0.0.0.0/0` nor wider than /8.
   */
  readonly approvedCidrs: readonly string[];
  /** The key that encrypts the flow-log group; its policy must let CloudWatch Logs use it (`EncryptionKeys.logs` does). */
  readonly flowLogKey: kms.IKey;
  /**
   * The VPC's IPv4 block, /16 to /24, split into one quarter per tier (see `layoutTiers`).
   * @default '10.0.0.0/16'
   */
  readonly cidr?: string;
  /**
   * The port the load balancers forward to in the application tier.
   * @default 8443
   */
  readonly applicationPort?: number;
  /**
   * The port the application tier reaches the data tier on; must differ from `applicationPort`.
   * @default 5432
   */
  readonly databasePort?: number;
  /**
   * Days the flow logs are kept: at least the profile's minimum (DPP 3.6), and a value CloudWatch Logs accepts.
   * @default 365 (or the profile's minimum, if longer)
   */
  readonly flowLogRetentionDays?: number;
  /**
   * NAT gateways for the application tier's egress, from 1 to one per zone. Fewer than one per
   * zone saves cost but makes egress depend on fewer zones.
   * @default - one per availability zone
   */
  readonly natGateways?: number;
  /**
   * Whether the flow-log group is deleted with the stack (test environments).
   * @default false - the flow logs are retained
   */
  readonly disposable?: boolean;
  /**
   * AWS Network Firewall on the application tier's egress, allowing only these domains over HTTP
   * and TLS (DPP 2.1): a firewall subnet per zone in the VPC block's free fourth quarter, routes
   * application subnets → firewall endpoint → NAT gateway and back (see {@link EgressFirewall}).
   * Billed per endpoint-hour (one endpoint per zone).
   * @default - no firewall: the application tier's egress goes straight to the NAT gateways
   */
  readonly egressFirewall?: { readonly allowedDomains: readonly string[] };
  /**
   * The policy profile whose thresholds bound the props and set the defaults (README "Policy profiles").
   * @default - the profile in construct context (`dpp:policy`), else `dpp`
   */
  readonly policy?: PolicyProfile;
}

const NAME = 'SegmentedVpc';
const FIRST_RULE_NUMBER = 100;
const RULE_NUMBER_STEP = 10;

const SUBNET_TYPES: Record<NetworkTier, ec2.SubnetType> = {
  public: ec2.SubnetType.PUBLIC,
  application: ec2.SubnetType.PRIVATE_WITH_EGRESS,
  data: ec2.SubnetType.PRIVATE_ISOLATED,
};

/** Gives each tier's subnets the blocks `layoutTiers` computed, so one ACL entry covers a tier. */
class TieredAddresses implements ec2.IIpAddresses {
  constructor(private readonly cidr: string, private readonly zones: readonly string[], private readonly layout: Record<NetworkTier, TierLayout>) {}

  public allocateVpcCidr(): ec2.VpcIpamOptions {
    return { cidrBlock: this.cidr };
  }

  public allocateSubnetsCidr(input: ec2.AllocateCidrRequest): ec2.SubnetIpamOptions {
    return {
      allocatedSubnets: input.requestedSubnets.map((s) => ({
        cidr: this.layout[s.configuration.name as NetworkTier].subnets[this.zones.indexOf(s.availabilityZone)],
      })),
    };
  }
}

/**
 * A VPC segmented into three tiers (DPP 2.1 Network Protection; DPP 3.6 Logging and Monitoring):
 *
 * - `public`: load balancers and NAT gateways only (no public IP on launch);
 * - `application`: private, with HTTPS egress through the NAT gateways;
 * - `data`: isolated, no route to an internet or NAT gateway.
 *
 * Each tier has its own network ACL, explicitly associated with every subnet of the tier, that
 * denies everything except the flows listed in `aclFlows` (approved CIDRs → public on 443,
 * public ↔ application on the application port, application ↔ data on the database port, NAT
 * egress on 443, and the ephemeral-port responses of each). The default security group is
 * stripped of its rules (a CDK custom resource does it: CloudFormation cannot). Flow logs record
 * ALL traffic to a KMS-encrypted log group kept ≥ 365 days by default. Gateway endpoints (S3,
 * DynamoDB) serve the application and data tiers and interface endpoints (KMS, Secrets Manager,
 * CloudWatch Logs, STS) sit in the application tier behind a security group that admits 443 from
 * the VPC only, so calls to those services stay on AWS's network.
 *
 * The VPC is tagged `dpp:segmented=true` and each subnet `dpp:network-tier=<tier>`: the DPP rules
 * key on these tags.
 */
/** The stack-level singleton CDK creates for `restrictDefaultSecurityGroup` (a role and a function, outside this construct). */
const DEFAULT_SG_PROVIDER = 'Custom::VpcRestrictDefaultSGCustomResourceProvider';
const providersAcknowledged = new WeakSet<Stack>();

/**
 * Acknowledges, once per stack, the cdk-nag findings of CDK's default-security-group provider, so
 * the reasons reach its resources' template metadata like every other acknowledgment (cdk-nag 3
 * does not check these plain `CfnResource`s at synth, but tools reading the template do).
 */
function acknowledgeDefaultSecurityGroupProvider(stack: Stack): void {
  const provider = stack.node.tryFindChild(DEFAULT_SG_PROVIDER);
  if (!provider || providersAcknowledged.has(stack)) return;
  providersAcknowledged.add(stack);
  acknowledgeNag(provider, awsManagedPolicyFinding('service-role/AWSLambdaBasicExecutionRole'),
    'CDK\'s default-security-group provider role uses AWSLambdaBasicExecutionRole, which only lets the function create and write its own CloudWatch Logs streams; ' +
    'its one other permission (revoking the default security group\'s rules) is an inline statement scoped to that security group.');
  acknowledgeInlinePolicy(provider, 'CDK\'s default-security-group provider role');
  acknowledgeControlPlaneFunction(provider, { calls: 'EC2 (revoking the default security group\'s rules)', invokedBy: 'CloudFormation', customResource: true });
}

export class SegmentedVpc extends Construct {
  public readonly vpc: ec2.Vpc;
  /** The VPC's IPv4 block. */
  public readonly cidr: string;
  /** Each tier's address block (one aligned quarter of the VPC's block). */
  public readonly tierCidrs: Readonly<Record<NetworkTier, string>>;
  /** Each tier's network ACL. */
  public readonly networkAcls: Readonly<Record<NetworkTier, ec2.NetworkAcl>>;
  /** The flows the network ACLs allow, with why. */
  public readonly allowedFlows: readonly AclFlow[];
  public readonly applicationPort: number;
  public readonly databasePort: number;
  public readonly flowLogGroup: logs.LogGroup;
  public readonly s3Endpoint: ec2.GatewayVpcEndpoint;
  public readonly dynamoDbEndpoint: ec2.GatewayVpcEndpoint;
  public readonly interfaceEndpoints: readonly ec2.InterfaceVpcEndpoint[];
  /** The security group of the interface endpoints: 443 from the VPC's block only. */
  public readonly endpointSecurityGroup: ec2.SecurityGroup;
  /** The Network Firewall on the application tier's egress, when the `egressFirewall` prop is given. */
  public readonly egressFirewall?: EgressFirewall;

  constructor(scope: Construct, id: string, props: SegmentedVpcProps) {
    super(scope, id);
    recordCreationTrace(this, new.target);
    const zones = [...props.availabilityZones];
    if (zones.length === 0) invalidProp(NAME, 'availabilityZones', 'must name at least one availability zone');
    if (new Set(zones).size !== zones.length) invalidProp(NAME, 'availabilityZones', `lists a zone twice: ${zones.join(', ')}`);
    const policy = policyFor(this, props.policy);
    const stack = Stack.of(this);
    const region = Token.isUnresolved(stack.region) ? undefined : stack.region;
    const foreign = region ? zones.filter((z) => !Token.isUnresolved(z) && !isZoneOf(z, region)) : [];
    if (foreign.length > 0) invalidProp(NAME, 'availabilityZones', `${foreign.join(', ')} not in the stack's region ${region}`);
    const approvedCidrs = validateApprovedCidrs(props.approvedCidrs, policy);
    const cidr = props.cidr ?? '10.0.0.0/16';
    this.cidr = cidr;
    requireValid(NAME, 'cidr', cidr, vpcCidrProblem(cidr));
    this.applicationPort = requirePort(NAME, 'applicationPort', props.applicationPort ?? 8443);
    this.databasePort = requirePort(NAME, 'databasePort', props.databasePort ?? 5432);
    requireValid(NAME, 'databasePort', this.databasePort, distinctPortsProblem(this.applicationPort, this.databasePort));
    const retention = requireLogRetention(NAME, 'flowLogRetentionDays', props.flowLogRetentionDays ?? provisionedDefaults(policy).logRetentionDays, policy);
    const natGateways = requireIntegerInRange(NAME, 'natGateways', props.natGateways ?? zones.length, 1, zones.length, 'one per zone at most');
    let layout: Record<NetworkTier, TierLayout>;
    try {
      layout = layoutTiers(cidr, zones.length);
    } catch (e) {
      invalidProp(NAME, 'cidr', (e as Error).message);
    }
    this.tierCidrs = { public: layout.public.block, application: layout.application.block, data: layout.data.block };

    this.vpc = withZonesOf(stack, zones, () => new ec2.Vpc(this, 'Vpc', {
      ipAddresses: new TieredAddresses(cidr, zones, layout),
      availabilityZones: zones,
      natGateways,
      natGatewaySubnets: { subnetGroupName: 'public' },
      restrictDefaultSecurityGroup: true,
      subnetConfiguration: NETWORK_TIERS.map((tier) => ({ name: tier, subnetType: SUBNET_TYPES[tier], mapPublicIpOnLaunch: tier === 'public' ? false : undefined })),
    }));
    Tags.of(this.vpc.node.defaultChild as ec2.CfnVPC).add(TAG_SEGMENTED, 'true');
    Validations.of(this.vpc).acknowledge({
      id: 'CloudFormation-Validate::W3010',
      reason: 'The availability zones are the availabilityZones prop (environment configuration), named explicitly so synthesis never looks them up in AWS.',
    });
    for (const tier of NETWORK_TIERS) {
      for (const subnet of this.subnets(tier)) Tags.of(subnet).add(TAG_NETWORK_TIER, tier);
    }
    for (const subnet of this.subnets('public')) acknowledgeNag(subnet, 'NIST.800.53.R5-VPCNoUnrestrictedRouteToIGW', PUBLIC_DEFAULT_ROUTE_REASON);
    acknowledgeDefaultSecurityGroupProvider(Stack.of(this));

    this.allowedFlows = aclFlows({ tierBlocks: this.tierCidrs, approvedCidrs, applicationPort: this.applicationPort, databasePort: this.databasePort });
    this.networkAcls = this.addNetworkAcls(this.allowedFlows);

    this.flowLogGroup = this.addFlowLogs(props.flowLogKey, retention, props.disposable ?? false);
    if (props.egressFirewall) {
      this.egressFirewall = new EgressFirewall(this, 'EgressFirewall', {
        vpc: this.vpc,
        availabilityZones: zones,
        firewallSubnetCidrs: firewallSubnetBlocks(cidr, zones.length),
        applicationSubnets: this.subnets('application'),
        publicSubnets: this.subnets('public'),
        allowedDomains: props.egressFirewall.allowedDomains,
        logEncryptionKey: props.flowLogKey,
        logRetention: retention as logs.RetentionDays,
        disposable: props.disposable,
      });
    }

    const privateTiers = { subnets: [{ subnetGroupName: 'application' }, { subnetGroupName: 'data' }] };
    this.s3Endpoint = this.vpc.addGatewayEndpoint('S3Endpoint', { service: ec2.GatewayVpcEndpointAwsService.S3, ...privateTiers });
    this.dynamoDbEndpoint = this.vpc.addGatewayEndpoint('DynamoDbEndpoint', { service: ec2.GatewayVpcEndpointAwsService.DYNAMODB, ...privateTiers });
    this.endpointSecurityGroup = new ec2.SecurityGroup(this, 'EndpointSecurityGroup', {
      vpc: this.vpc,
      description: 'Interface endpoints: HTTPS from the VPC only (DPP 2.1)',
      allowAllOutbound: false,
    });
    this.endpointSecurityGroup.addIngressRule(ec2.Peer.ipv4(cidr), ec2.Port.tcp(443), 'HTTPS from the VPC');
    const services: Record<string, ec2.InterfaceVpcEndpointAwsService> = {
      KmsEndpoint: ec2.InterfaceVpcEndpointAwsService.KMS,
      SecretsManagerEndpoint: ec2.InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
      LogsEndpoint: ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
      StsEndpoint: ec2.InterfaceVpcEndpointAwsService.STS,
    };
    this.interfaceEndpoints = Object.entries(services).map(([endpointId, service]) =>
      this.vpc.addInterfaceEndpoint(endpointId, {
        service,
        subnets: { subnetGroupName: 'application' },
        securityGroups: [this.endpointSecurityGroup],
        privateDnsEnabled: true,
        open: false,
      }),
    );
  }

  /** The subnets of a tier, in zone order. */
  public subnets(tier: NetworkTier): ec2.ISubnet[] {
    return this.vpc.selectSubnets({ subnetGroupName: tier }).subnets;
  }

  /** The subnet selection of a tier, e.g. for `vpcSubnets` props. */
  public subnetSelection(tier: NetworkTier): ec2.SubnetSelection {
    return { subnetGroupName: tier };
  }

  private addNetworkAcls(flows: readonly AclFlow[]): Record<NetworkTier, ec2.NetworkAcl> {
    const acls = {} as Record<NetworkTier, ec2.NetworkAcl>;
    for (const tier of NETWORK_TIERS) {
      const id = `${tier[0].toUpperCase()}${tier.slice(1)}Acl`;
      const acl = new ec2.NetworkAcl(this, id, { vpc: this.vpc, subnetSelection: { subnetGroupName: tier } });
      Tags.of(acl).add(TAG_NETWORK_TIER, tier);
      for (const direction of ['ingress', 'egress'] as const) {
        flows
          .filter((f) => f.tier === tier && f.direction === direction)
          .forEach((flow, i) => {
            const ruleNumber = FIRST_RULE_NUMBER + i * RULE_NUMBER_STEP;
            const entry = acl.addEntry(`${direction === 'ingress' ? 'In' : 'Out'}${ruleNumber}`, {
              ruleNumber,
              cidr: ec2.AclCidr.ipv4(flow.peer),
              traffic: flow.ports.from === flow.ports.to ? ec2.AclTraffic.tcpPort(flow.ports.from) : ec2.AclTraffic.tcpPortRange(flow.ports.from, flow.ports.to),
              direction: direction === 'ingress' ? ec2.TrafficDirection.INGRESS : ec2.TrafficDirection.EGRESS,
              ruleAction: ec2.Action.ALLOW,
            });
            if (isNatReturnEntry(flow)) Validations.of(entry).acknowledge({ id: `DPP::${NetworkAclOpenIngress.id}`, reason: NAT_RETURN_REASON });
          });
      }
      acls[tier] = acl;
    }
    return acls;
  }

  private addFlowLogs(key: kms.IKey, retentionDays: number, disposable: boolean): logs.LogGroup {
    const group = new logs.LogGroup(this, 'FlowLogGroup', {
      encryptionKey: key,
      retention: retentionDays as logs.RetentionDays,
      removalPolicy: disposable ? RemovalPolicy.DESTROY : retainExceptOnCreate(),
    });
    // Flow logs name source and destination addresses: confidential, never PII content.
    Tags.of(group).add(TAG_CLASSIFICATION, 'confidential');
    // Only this account's flow logs may assume the delivery role (confused-deputy protection).
    const role = new iam.Role(this, 'FlowLogRole', {
      description: 'VPC flow logs delivery to CloudWatch Logs (DPP 2.1, 3.6)',
      assumedBy: new iam.ServicePrincipal('vpc-flow-logs.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
          ArnLike: { 'aws:SourceArn': `arn:${Aws.PARTITION}:ec2:${Aws.REGION}:${Aws.ACCOUNT_ID}:vpc-flow-log/*` },
        },
      }),
    });
    acknowledgeInlinePolicy(role, 'the flow-log delivery role');
    new ec2.FlowLog(this, 'FlowLog', {
      resourceType: ec2.FlowLogResourceType.fromVpc(this.vpc),
      destination: ec2.FlowLogDestination.toCloudWatchLogs(group, role),
      trafficType: ec2.FlowLogTrafficType.ALL,
    });
    return group;
  }
}

/**
 * Why the application tier's ACL admits the internet on ephemeral ports, which the DPP 2.1 rule
 * allows only on the public tier: stateless ACLs see the responses to the tier's NAT egress with
 * the remote server as source.
 */
const NAT_RETURN_REASON =
  "Return path of the application tier's HTTPS egress through the NAT gateways: network ACLs are stateless and the responses keep the remote server as source, so the entry must name 0.0.0.0/0. "
  + 'It admits TCP 1024-65535 only; the subnets have no route from the internet (0.0.0.0/0 goes to a NAT gateway, which admits no unsolicited inbound) and the stateful security groups admit nothing from the internet.';

/** Why the public tier routes 0.0.0.0/0 to the internet gateway (NIST 800-53 R5 VPCNoUnrestrictedRouteToIGW). */
const PUBLIC_DEFAULT_ROUTE_REASON =
  'The public tier exists to face the internet: its NAT gateways send the application tier\'s HTTPS egress out, and its load balancers answer approved clients, both through this default route to the internet gateway. '
  + 'Its network ACL admits only the approved CIDRs on 443 and the return traffic of that egress, and nothing launched in it gets a public IP; the application and data tiers have no route to the internet gateway.';

function isNatReturnEntry(flow: AclFlow): boolean {
  return flow.direction === 'ingress' && flow.peer === ANYWHERE && flow.tier !== 'public';
}

/** The same validators as the environment config (lib/policy/validators.ts): a config that validates builds this VPC. */
function validateApprovedCidrs(cidrs: readonly string[], policy: PolicyProfile): string[] {
  requireValid(NAME, 'approvedCidrs', cidrs, approvedCidrCountProblem(cidrs.length));
  return cidrs.map((text) => requireValid(NAME, 'approvedCidrs', text, approvedCidrProblem(text, policy)));
}

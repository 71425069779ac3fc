import { Match, Template } from 'aws-cdk-lib/assertions';
import { SegmentedVpc, type SegmentedVpcProps } from '../../../constructs/network/segmented-vpc';
import { EncryptionKeys } from '../../../constructs/security/keys';
import { acknowledgmentsOf, APPROVED, network, newStack, ZONES } from '../fixtures';

type Resources = Record<string, { Type: string; Properties: Record<string, any>; DependsOn?: string[] }>;

const tierOf = (resource: { Properties: Record<string, any> }): string | undefined =>
  (resource.Properties.Tags as { Key: string; Value: string }[] | undefined)?.find((t) => t.Key === 'dpp:network-tier')?.Value;

describe('SegmentedVpc (defaults, two zones)', () => {
  let template: Template;
  let resources: Resources;
  let vpc: SegmentedVpc;
  const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
  const subnetsOf = (tier: string) => ofType('AWS::EC2::Subnet').filter(([, r]) => tierOf(r) === tier).map(([id]) => id);

  beforeAll(() => {
    const { stack } = newStack();
    vpc = network(stack).network;
    template = Template.fromStack(stack);
    resources = template.toJSON().Resources;
  });

  test('the VPC is tagged segmented; each subnet carries its tier and its slice of the tier block', () => {
    template.resourceCountIs('AWS::EC2::VPC', 1);
    template.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: '10.0.0.0/16', Tags: Match.arrayWith([{ Key: 'dpp:segmented', Value: 'true' }]) });
    const cidrs = (tier: string) => subnetsOf(tier).map((id) => resources[id].Properties.CidrBlock);
    expect(cidrs('public')).toEqual(['10.0.0.0/19', '10.0.32.0/19']);
    expect(cidrs('application')).toEqual(['10.0.64.0/19', '10.0.96.0/19']);
    expect(cidrs('data')).toEqual(['10.0.128.0/19', '10.0.160.0/19']);
    expect(ofType('AWS::EC2::Subnet')).toHaveLength(6);
    expect(ofType('AWS::EC2::Subnet').every(([, r]) => r.Properties.MapPublicIpOnLaunch === false)).toBe(true);
  });

  test('the data tier has no route to an internet or NAT gateway; the application tier egresses through NAT', () => {
    const routeTableOf = (subnet: string) =>
      ofType('AWS::EC2::SubnetRouteTableAssociation').find(([, r]) => r.Properties.SubnetId.Ref === subnet)![1].Properties.RouteTableId.Ref;
    const routesOf = (subnet: string) => ofType('AWS::EC2::Route').filter(([, r]) => r.Properties.RouteTableId.Ref === routeTableOf(subnet)).map(([, r]) => r.Properties);
    for (const subnet of subnetsOf('data')) expect(routesOf(subnet)).toEqual([]);
    for (const subnet of subnetsOf('application')) {
      expect(routesOf(subnet)).toEqual([{ RouteTableId: expect.anything(), DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: { Ref: expect.stringMatching(/^NetworkVpcpublicSubnet\dNATGateway/) } }]);
    }
    for (const subnet of subnetsOf('public')) expect(routesOf(subnet)[0]).toMatchObject({ DestinationCidrBlock: '0.0.0.0/0', GatewayId: { Ref: expect.stringMatching(/IGW/) } });
    template.resourceCountIs('AWS::EC2::NatGateway', 2);
  });

  test('every subnet is explicitly associated with its own tier\'s network ACL', () => {
    const associations = ofType('AWS::EC2::SubnetNetworkAclAssociation').map(([, r]) => r.Properties);
    expect(associations).toHaveLength(6);
    for (const { SubnetId, NetworkAclId } of associations) {
      const acl = resources[NetworkAclId.Ref];
      expect(acl.Type).toBe('AWS::EC2::NetworkAcl');
      expect(tierOf(acl)).toBe(tierOf(resources[SubnetId.Ref]));
    }
    template.resourceCountIs('AWS::EC2::NetworkAcl', 3);
  });

  test('the network ACL entries are exactly the allowed flows, TCP allow only, nothing wider', () => {
    const entries = (tier: string, egress: boolean) =>
      ofType('AWS::EC2::NetworkAclEntry')
        .filter(([, r]) => tierOf(resources[r.Properties.NetworkAclId.Ref]) === tier && r.Properties.Egress === egress)
        .map(([, r]) => `${r.Properties.RuleNumber} ${r.Properties.CidrBlock} ${r.Properties.PortRange.From}-${r.Properties.PortRange.To}`);
    expect(entries('public', false)).toEqual(['100 203.0.113.0/24 443-443', '110 10.0.64.0/18 443-443', '120 0.0.0.0/0 1024-65535']);
    expect(entries('public', true)).toEqual(['100 203.0.113.0/24 1024-65535', '110 10.0.64.0/18 8443-8443', '120 10.0.64.0/18 1024-65535', '130 0.0.0.0/0 443-443']);
    expect(entries('application', false)).toEqual(['100 10.0.0.0/18 8443-8443', '110 10.0.64.0/18 443-443', '120 0.0.0.0/0 1024-65535']);
    expect(entries('application', true)).toEqual(['100 10.0.0.0/18 1024-65535', '110 10.0.128.0/18 5432-5432', '120 0.0.0.0/0 443-443', '130 10.0.64.0/18 1024-65535']);
    expect(entries('data', false)).toEqual(['100 10.0.64.0/18 5432-5432']);
    expect(entries('data', true)).toEqual(['100 10.0.64.0/18 1024-65535']);
    for (const [, entry] of ofType('AWS::EC2::NetworkAclEntry')) expect(entry.Properties).toMatchObject({ Protocol: 6, RuleAction: 'allow' });
  });

  test('only the application tier\'s NAT return entry is acknowledged against the public-tier-only rule, with its reason', () => {
    const acknowledged = vpc.node.findAll().filter((c) => acknowledgmentsOf(c)['DPP::DPP-2.1-NetworkAclOpenIngress']).map((c) => c.node.path);
    expect(acknowledged.filter((p) => p.endsWith('/Resource'))).toEqual(['Test/Network/ApplicationAcl/In120/Resource']);
    expect(acknowledgmentsOf(vpc.networkAcls.application.node.findChild('In120'))['DPP::DPP-2.1-NetworkAclOpenIngress']).toMatch(/NAT gateways.*TCP 1024-65535 only/);
  });

  test('flow logs of ALL traffic to a KMS-encrypted log group kept 365 days, delivered by a role only this account\'s flow logs assume', () => {
    template.hasResourceProperties('AWS::EC2::FlowLog', { ResourceType: 'VPC', TrafficType: 'ALL', LogDestinationType: 'cloud-watch-logs', ResourceId: { Ref: Match.stringLikeRegexp('^NetworkVpc') } });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365, KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^KeysLogs'), 'Arn'] } });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'vpc-flow-logs.amazonaws.com' }, Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } }, ArnLike: Match.anyValue() } })] },
    });
  });

  test('the default security group is stripped of its rules', () => {
    template.resourceCountIs('Custom::VpcRestrictDefaultSG', 1);
  });

  test('gateway endpoints serve the private tiers; interface endpoints sit in the application tier behind 443-from-the-VPC', () => {
    const privateRouteTables = [...subnetsOf('application'), ...subnetsOf('data')].map((s) => ({ Ref: s.replace(/Subnet[0-9A-F]{8}$/, 'RouteTable').replace(/Subnet$/, '') }));
    for (const service of ['s3', 'dynamodb']) {
      const [, endpoint] = ofType('AWS::EC2::VPCEndpoint').find(([, r]) => JSON.stringify(r.Properties.ServiceName).includes(`.${service}`))!;
      expect(endpoint.Properties.VpcEndpointType).toBe('Gateway');
      expect(endpoint.Properties.RouteTableIds).toHaveLength(privateRouteTables.length);
      expect(endpoint.Properties.RouteTableIds.map((r: { Ref: string }) => r.Ref).every((id: string) => /(application|data)Subnet\dRouteTable/.test(id))).toBe(true);
    }
    for (const service of ['kms', 'secretsmanager', 'logs', 'sts']) {
      template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
        ServiceName: `com.amazonaws.eu-west-1.${service}`,
        VpcEndpointType: 'Interface',
        PrivateDnsEnabled: true,
        SubnetIds: subnetsOf('application').map((id) => ({ Ref: id })),
        SecurityGroupIds: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^NetworkEndpointSecurityGroup'), 'GroupId'] }],
      });
    }
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('Interface endpoints'),
      SecurityGroupIngress: [{ CidrIp: '10.0.0.0/16', IpProtocol: 'tcp', FromPort: 443, ToPort: 443, Description: Match.anyValue() }],
    });
  });
});

describe('SegmentedVpc props', () => {
  function build(props: Partial<SegmentedVpcProps>): Template {
    const { stack } = newStack();
    network(stack, props);
    return Template.fromStack(stack);
  }

  test('custom ports, CIDR, retention and NAT count reach the ACLs, subnets and flow logs', () => {
    const template = build({ cidr: '10.30.0.0/20', applicationPort: 9000, databasePort: 3306, flowLogRetentionDays: 90, natGateways: 1, approvedCidrs: ['198.51.100.0/24', '192.0.2.0/25'] });
    template.hasResourceProperties('AWS::EC2::NetworkAclEntry', { CidrBlock: '10.30.4.0/22', PortRange: { From: 3306, To: 3306 }, Egress: false });
    template.hasResourceProperties('AWS::EC2::NetworkAclEntry', { CidrBlock: '10.30.0.0/22', PortRange: { From: 9000, To: 9000 }, Egress: false });
    template.hasResourceProperties('AWS::EC2::NetworkAclEntry', { CidrBlock: '192.0.2.0/25', PortRange: { From: 443, To: 443 }, Egress: false });
    template.hasResourceProperties('AWS::EC2::Subnet', { CidrBlock: '10.30.8.0/23' });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
    template.resourceCountIs('AWS::EC2::NatGateway', 1);
  });

  test('a stack with an explicit account and region looks nothing up in AWS, and its own zones are left as they were', () => {
    const { app, stack } = newStack();
    network(stack);
    expect(Object.hasOwn(stack, 'availabilityZones')).toBe(false);
    expect(app.synth().manifest.missing ?? []).toEqual([]);
  });

  test('a stack that names its zones itself keeps them: the VPC is checked against them', () => {
    const { stack } = newStack();
    Object.defineProperty(stack, 'availabilityZones', { get: () => ['eu-west-1a'] });
    expect(() => network(stack)).toThrow(/must be a subset of the stack's availability zones/);
  });

  test('disposable flow logs go with the stack; by default they are retained', () => {
    build({ disposable: true }).hasResource('AWS::Logs::LogGroup', { DeletionPolicy: 'Delete' });
    build({}).hasResource('AWS::Logs::LogGroup', { DeletionPolicy: 'RetainExceptOnCreate', UpdateReplacePolicy: 'Retain' });
  });

  test.each<[string, Partial<SegmentedVpcProps>, string]>([
    ['no zones', { availabilityZones: [] }, 'SegmentedVpc: availabilityZones must name at least one availability zone'],
    ['a zone twice', { availabilityZones: ['eu-west-1a', 'eu-west-1a'] }, 'SegmentedVpc: availabilityZones lists a zone twice'],
    ['no approved CIDR', { approvedCidrs: [] }, 'SegmentedVpc: approvedCidrs must list at least one approved CIDR'],
    ['the whole internet approved', { approvedCidrs: ['0.0.0.0/0'] }, 'SegmentedVpc: approvedCidrs 0.0.0.0/0 is not allowed'],
    ['a range wider than /8', { approvedCidrs: ['10.0.0.0/6'] }, 'SegmentedVpc: approvedCidrs 10.0.0.0/6 is wider than /8'],
    ['an IPv6 range', { approvedCidrs: ['2001:db8::/32'] }, 'SegmentedVpc: approvedCidrs 2001:db8::/32 is IPv6; approved ranges are IPv4'],
    ['too many approved CIDRs for an ACL', { approvedCidrs: Array.from({ length: 18 }, (_, i) => `198.51.${i}.0/24`) }, 'SegmentedVpc: approvedCidrs must list at most 17 CIDR blocks'],
    ['equal ports', { applicationPort: 5432, databasePort: 5432 }, 'SegmentedVpc: databasePort must differ from applicationPort (5432)'],
    ['a port out of range', { applicationPort: 70000 }, 'SegmentedVpc: applicationPort must be an integer from 1 to 65535, got 70000'],
    ['flow logs kept under 90 days', { flowLogRetentionDays: 60 }, 'SegmentedVpc: flowLogRetentionDays must be at least 90 days (DPP 3.6 Logging and Monitoring, profile dpp), got 60'],
    ['a retention CloudWatch Logs refuses', { flowLogRetentionDays: 100 }, 'SegmentedVpc: flowLogRetentionDays must be one of the values CloudWatch Logs accepts'],
    ['a VPC wider than /16', { cidr: '10.0.0.0/8' }, 'SegmentedVpc: cidr "10.0.0.0/8" must be an IPv4 CIDR between /16 and /24'],
    ['a VPC block with host bits', { cidr: '10.0.0.1/16' }, 'SegmentedVpc: cidr 10.0.0.1/16 is not a network address'],
    ['a VPC block too small for the zones', { cidr: '10.0.0.0/24', availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c', 'eu-west-1d', 'eu-west-1e'] }, 'SegmentedVpc: cidr 10.0.0.0/24 is too small for 5 availability zones'],
    ['zones of another region', { availabilityZones: ['eu-west-1a', 'us-east-1a'] }, "SegmentedVpc: availabilityZones us-east-1a not in the stack's region eu-west-1"],
    ['no NAT gateway', { natGateways: 0 }, 'SegmentedVpc: natGateways must be an integer from 1 to 2 (one per zone at most), got 0'],
  ])('rejects %s', (_, props, message) => {
    const { stack } = newStack();
    const keys = new EncryptionKeys(stack, 'Keys');
    expect(() => new SegmentedVpc(stack, 'Network', { availabilityZones: ZONES, approvedCidrs: APPROVED, flowLogKey: keys.logs, ...props })).toThrow(message);
  });
});

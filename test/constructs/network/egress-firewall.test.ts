import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import { DOMAIN_LIST_CAPACITY, NETWORK_FIREWALL_FACTS } from '../../../constructs/network/egress-firewall';
import { egressDomainProblem, MAX_ALLOWED_DOMAINS } from '../../../lib/policy/validators';
import { firewallSubnetBlocks } from '../../../constructs/network/tiers';
import { dppFindings, network, newStack } from '../fixtures';

type Resource = { Type: string; Properties: Record<string, any>; DependsOn?: string[] };
const DOMAINS = ['.amazonaws.com', 'api.example.com'];

/** Evaluates the intrinsic functions the endpoint pick uses, for a given EndpointIds list. */
function evaluate(value: unknown, endpointIds: string[]): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const [fn, args] = Object.entries(value as Record<string, any>)[0];
  switch (fn) {
    case 'Fn::GetAtt': return endpointIds;
    case 'Fn::Join': return (evaluate(args[1], endpointIds) as string[]).join(args[0]);
    case 'Fn::Split': return (evaluate(args[1], endpointIds) as string).split(args[0]);
    case 'Fn::Select': return (evaluate(args[1], endpointIds) as string[])[args[0]];
    default: throw new Error(`unexpected ${fn}`);
  }
}

describe('EgressFirewall in SegmentedVpc (two zones)', () => {
  const { app, stack } = newStack();
  const vpc = network(stack, { egressFirewall: { allowedDomains: DOMAINS } }).network;
  const template = Template.fromStack(stack);
  const resources = template.toJSON().Resources as Record<string, Resource>;
  const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
  const subnetIds = (tier: string) => ofType('AWS::EC2::Subnet')
    .filter(([, r]) => (r.Properties.Tags as { Key: string; Value: string }[]).some((t) => t.Key === 'dpp:network-tier' && t.Value === tier)).map(([id]) => id);
  const routeTableOf = (subnet: string) => ofType('AWS::EC2::SubnetRouteTableAssociation').find(([, r]) => r.Properties.SubnetId.Ref === subnet)![1].Properties.RouteTableId.Ref;
  const routesOf = (subnet: string) => ofType('AWS::EC2::Route').filter(([, r]) => r.Properties.RouteTableId.Ref === routeTableOf(subnet)).map(([, r]) => r.Properties);

  test('one /28 firewall subnet per zone in the VPC block\'s free fourth quarter', () => {
    expect(firewallSubnetBlocks('10.0.0.0/16', 2)).toEqual(['10.0.192.0/28', '10.0.192.16/28']);
    expect(subnetIds('firewall').map((id) => [resources[id].Properties.CidrBlock, resources[id].Properties.AvailabilityZone]))
      .toEqual([['10.0.192.0/28', 'eu-west-1a'], ['10.0.192.16/28', 'eu-west-1b']]);
    template.hasResourceProperties('AWS::NetworkFirewall::Firewall', { SubnetMappings: subnetIds('firewall').map((id) => ({ SubnetId: { Ref: id } })) });
  });

  test('a stateful ALLOWLIST of the configured domains on HTTP_HOST and TLS_SNI, in the firewall policy', () => {
    expect(NETWORK_FIREWALL_FACTS.targetTypes).toEqual(['HTTP_HOST', 'TLS_SNI']);
    // One rule per domain and target type must fit the capacity fixed at creation.
    expect(MAX_ALLOWED_DOMAINS * NETWORK_FIREWALL_FACTS.targetTypes.length).toBeLessThanOrEqual(DOMAIN_LIST_CAPACITY);
    const [[groupId, group]] = ofType('AWS::NetworkFirewall::RuleGroup');
    expect(group.Properties).toMatchObject({
      Type: 'STATEFUL',
      Capacity: DOMAIN_LIST_CAPACITY,
      RuleGroup: { RulesSource: { RulesSourceList: { GeneratedRulesType: 'ALLOWLIST', Targets: DOMAINS, TargetTypes: ['HTTP_HOST', 'TLS_SNI'] } } },
    });
    template.hasResourceProperties('AWS::NetworkFirewall::FirewallPolicy', {
      FirewallPolicy: {
        StatelessDefaultActions: ['aws:forward_to_sfe'],
        StatelessFragmentDefaultActions: ['aws:forward_to_sfe'],
        StatefulRuleGroupReferences: [{ ResourceArn: { 'Fn::GetAtt': [groupId, 'RuleGroupArn'] } }],
      },
    });
  });

  test('routes: application subnet → its zone\'s firewall endpoint → NAT gateway, and the NAT\'s subnet back through the same endpoint', () => {
    const [[firewallId]] = ofType('AWS::NetworkFirewall::Firewall');
    // EndpointIds come in no documented order: the pick must find each zone's endpoint either way.
    const orders = [['eu-west-1a:vpce-aaa', 'eu-west-1b:vpce-bbb'], ['eu-west-1b:vpce-bbb', 'eu-west-1a:vpce-aaa']];
    const expected = ['vpce-aaa', 'vpce-bbb'];
    const application = subnetIds('application');
    const firewallSubnets = subnetIds('firewall');
    application.forEach((subnet, i) => {
      const [route] = routesOf(subnet);
      expect(routesOf(subnet)).toHaveLength(1);
      expect(route.NatGatewayId).toBeUndefined();
      expect(JSON.stringify(route.VpcEndpointId)).toContain(`"${firewallId}","EndpointIds"`);
      for (const ids of orders) expect(evaluate(route.VpcEndpointId, ids)).toBe(expected[i]);
      expect(routesOf(firewallSubnets[i])).toEqual([expect.objectContaining({ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: expect.objectContaining({ Ref: expect.stringMatching(/NATGateway/) }) })]);
    });
    for (const publicSubnet of subnetIds('public')) {
      const returns = routesOf(publicSubnet).filter((r) => r.VpcEndpointId);
      expect(returns.map((r) => r.DestinationCidrBlock)).toEqual(application.map((id) => resources[id].Properties.CidrBlock));
      returns.forEach((r, i) => { for (const ids of orders) expect(evaluate(r.VpcEndpointId, ids)).toBe(expected[i]); });
    }
  });

  test('the firewall subnets\' ACL admits HTTPS from the application tier out and its responses back, nothing else', () => {
    const entries = ofType('AWS::EC2::NetworkAclEntry').map(([, r]) => r.Properties)
      .filter((p) => p.NetworkAclId.Ref === vpc.egressFirewall!.networkAcl.node.defaultChild!.node.id || JSON.stringify(p.NetworkAclId).includes('EgressFirewallAcl'));
    const summary = entries.map((p) => `${p.Egress ? 'out' : 'in'} ${JSON.stringify(p.CidrBlock)} ${p.PortRange.From}-${p.PortRange.To}`).sort();
    expect(summary).toEqual([
      'in "0.0.0.0/0" 1024-65535',
      'in "10.0.64.0/19" 443-443',
      'in "10.0.96.0/19" 443-443',
      'out "0.0.0.0/0" 443-443',
      'out "10.0.64.0/19" 1024-65535',
      'out "10.0.96.0/19" 1024-65535',
    ]);
  });

  test('alert and flow logs go to KMS-encrypted log groups', () => {
    const [[, logging]] = ofType('AWS::NetworkFirewall::LoggingConfiguration');
    const configs = logging.Properties.LoggingConfiguration.LogDestinationConfigs as { LogType: string; LogDestinationType: string; LogDestination: { logGroup: { Ref: string } } }[];
    expect(configs.map((c) => [c.LogType, c.LogDestinationType])).toEqual([['ALERT', 'CloudWatchLogs'], ['FLOW', 'CloudWatchLogs']]);
    for (const config of configs) expect(resources[config.LogDestination.logGroup.Ref].Properties.KmsKeyId).toBeDefined();
  });

  test('the stack passes the DPP pack, with only the firewall return path acknowledged', () => {
    const { open, acknowledged } = dppFindings(app);
    expect(open.filter((f) => f.severity === 'error')).toEqual([]);
    expect(acknowledged.filter((a) => a.path?.includes('EgressFirewall')).map((a) => a.rule)).toEqual(['DPP-2.1-NetworkAclOpenIngress']);
  });

  test('cdk-nag AwsSolutions and NIST 800-53 R5 find no error on the firewall\'s resources', () => {
    const errors = [new AwsSolutionsChecks(), new NIST80053R5Checks()].flatMap((pack) => pack.validateScope(app).violations
      .filter((v) => v.severity === 'error')
      .flatMap((v) => v.violatingResources.filter((r) => r.constructPath?.includes('EgressFirewall')).map((r) => `${v.ruleName} on ${r.constructPath}`)));
    expect(errors).toEqual([]);
  });
});

describe('EgressFirewall validation', () => {
  test.each([
    ['none', [], 'must name at least one domain'],
    ['upper case', ['Example.com'], '"Example.com" is not a domain name'],
    ['a * wildcard', ['*.example.com'], '"*.example.com" is not a domain name'],
    ['a duplicate', ['example.com', 'example.com'], 'lists a domain twice'],
    ['more than the capacity holds', Array.from({ length: 501 }, (_, i) => `d${i}.example.com`), 'at most 500 fit'],
  ])('allowedDomains with %s is refused', (_case, allowedDomains, message) => {
    const { stack } = newStack();
    expect(() => network(stack, { egressFirewall: { allowedDomains } })).toThrow(message);
  });

  test('explicit names and leading-dot wildcards are accepted', () => {
    for (const domain of ['example.com', '.example.com', 'a-b.c.example.co.uk']) expect(egressDomainProblem(domain)).toBeUndefined();
  });

  test('without the prop the VPC has no firewall, firewall subnet or extra route', () => {
    const { stack } = newStack();
    network(stack);
    const template = Template.fromStack(stack);
    for (const type of ['AWS::NetworkFirewall::Firewall', 'AWS::NetworkFirewall::RuleGroup', 'AWS::NetworkFirewall::FirewallPolicy']) template.resourceCountIs(type, 0);
    template.resourceCountIs('AWS::EC2::Subnet', 6);
  });
});

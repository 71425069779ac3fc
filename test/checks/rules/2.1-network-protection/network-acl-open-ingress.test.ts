import { NetworkAclOpenIngress } from '../../../../lib/checks/rules/2.1-network-protection/network-acl-open-ingress';
import { findingsOf, parameters, type Resources } from '../../../helpers/check';

const rule = NetworkAclOpenIngress;

function acl(tier: unknown, entry: Record<string, unknown>, extra: Resources = {}): Resources {
  return {
    Subnet: { Type: 'AWS::EC2::Subnet', Properties: { Tags: [{ Key: 'dpp:network-tier', Value: tier }] } },
    Acl: { Type: 'AWS::EC2::NetworkAcl', Properties: { VpcId: 'vpc-1' } },
    Assoc: { Type: 'AWS::EC2::SubnetNetworkAclAssociation', Properties: { SubnetId: { Ref: 'Subnet' }, NetworkAclId: { Ref: 'Acl' } } },
    Entry: { Type: 'AWS::EC2::NetworkAclEntry', Properties: { NetworkAclId: { Ref: 'Acl' }, RuleNumber: 100, RuleAction: 'allow', Egress: false, ...entry } },
    ...extra,
  };
}

const HTTPS = { Protocol: 6, CidrBlock: '0.0.0.0/0', PortRange: { From: 443, To: 443 } };

describe('DPP-2.1-NetworkAclOpenIngress', () => {
  test.each([
    ['HTTPS on the public tier', 'public', HTTPS],
    ['ephemeral TCP on the public tier', 'public', { Protocol: '6', CidrBlock: '0.0.0.0/0', PortRange: { From: '1024', To: '65535' } }],
    ['a narrower ephemeral UDP range over IPv6', 'public', { Protocol: 17, Ipv6CidrBlock: '::/0', PortRange: { From: 32768, To: 60999 } }],
    ['approved CIDRs on the data tier', 'data', { Protocol: -1, CidrBlock: '203.0.113.0/24' }],
    ['a deny of everything', 'data', { Protocol: -1, CidrBlock: '0.0.0.0/0', RuleAction: 'deny' }],
    ['an egress entry', 'data', { Protocol: -1, CidrBlock: '0.0.0.0/0', Egress: true }],
  ])('passes %s', (_, tier, entry) => {
    expect(findingsOf(rule, acl(tier, entry))).toEqual([]);
  });

  test('fails HTTPS from anywhere on an ACL of the data tier', () => {
    const [finding, ...rest] = findingsOf(rule, acl('data', HTTPS));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-2.1-NetworkAclOpenIngress', clause: '2.1', level: 'error', logicalId: 'Entry', property: 'NetworkAclId' });
    expect(finding.message).toMatch(/associated with Subnet, which is not a public-tier subnet/);
  });

  test('fails an ACL shared by a public and a data subnet', () => {
    const extra: Resources = {
      Data: { Type: 'AWS::EC2::Subnet', Properties: { Tags: [{ Key: 'dpp:network-tier', Value: 'data' }] } },
      Assoc2: { Type: 'AWS::EC2::SubnetNetworkAclAssociation', Properties: { SubnetId: { Ref: 'Data' }, NetworkAclId: { Ref: 'Acl' } } },
    };
    expect(findingsOf(rule, acl('public', HTTPS, extra))).toEqual([expect.objectContaining({ level: 'error', message: expect.stringMatching(/associated with Data/) })]);
  });

  test.each([
    ['all traffic', { Protocol: -1, CidrBlock: '0.0.0.0/0' }, /all traffic \(Protocol -1\)/],
    ['SSH', { Protocol: 6, CidrBlock: '0.0.0.0/0', PortRange: { From: 22, To: 22 } }, /tcp 22;/],
    ['a range from 0 covering 22 and ephemeral ports', { Protocol: 6, Ipv6CidrBlock: '::/0', PortRange: { From: 0, To: 65535 } }, /::\/0 inbound on tcp 0-65535/],
    ['ICMP', { Protocol: 1, CidrBlock: '0.0.0.0/0', Icmp: { Code: -1, Type: -1 } }, /protocol 1/],
  ])('fails %s from anywhere even on the public tier', (_, entry, message) => {
    expect(findingsOf(rule, acl('public', entry))).toEqual([expect.objectContaining({ level: 'error', message: expect.stringMatching(message) })]);
  });

  test('fails an open entry on an ACL associated with no subnet', () => {
    const resources = acl('public', HTTPS);
    delete resources.Assoc;
    expect(findingsOf(rule, resources)).toEqual([expect.objectContaining({ level: 'error', message: expect.stringMatching(/not associated with any public-tier subnet/) })]);
  });

  test.each([
    ['the CIDR', { ...HTTPS, CidrBlock: { Ref: 'Cidr' } }, 'CidrBlock'],
    ['the port range', { ...HTTPS, PortRange: { From: { Ref: 'Cidr' }, To: 443 } }, 'PortRange.From'],
    ['the protocol', { ...HTTPS, Protocol: { 'Fn::If': ['Prod', 6, -1] } }, 'Protocol'],
  ])('warns when %s is an intrinsic', (_, entry, property) => {
    expect(findingsOf(rule, acl('public', entry), parameters('Cidr'))).toEqual([expect.objectContaining({ level: 'warning', property })]);
  });

  test('warns when the tier of an associated subnet is an intrinsic', () => {
    expect(findingsOf(rule, acl({ Ref: 'Tier' }, HTTPS), parameters('Tier'))).toEqual([expect.objectContaining({ level: 'warning', property: 'NetworkAclId' })]);
  });
});

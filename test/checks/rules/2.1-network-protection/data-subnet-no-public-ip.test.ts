import { DataSubnetNoPublicIp } from '../../../../lib/checks/rules/2.1-network-protection/data-subnet-no-public-ip';
import { findingsOf, parameters } from '../../../helpers/check';

const rule = DataSubnetNoPublicIp;
const subnet = (tier: unknown, map: unknown) =>
  findingsOf(rule, { S: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: 'vpc-1', CidrBlock: '10.0.0.0/24', MapPublicIpOnLaunch: map, Tags: [{ Key: 'dpp:network-tier', Value: tier }] } } }, parameters('Map', 'Tier'));

describe('DPP-2.1-DataSubnetNoPublicIp', () => {
  test('passes a data-tier subnet without public IPs, and public-tier subnets that map them', () => {
    expect(subnet('data', false)).toEqual([]);
    expect(subnet('data', undefined)).toEqual([]);
    expect(subnet('public', true)).toEqual([]);
    expect(findingsOf(rule, { S: { Type: 'AWS::EC2::Subnet', Properties: { MapPublicIpOnLaunch: true } } })).toEqual([]);
  });

  test('fails a data-tier subnet that maps public IPs on launch (string "true" included)', () => {
    for (const map of [true, 'true']) {
      const [finding, ...rest] = subnet('data', map);
      expect(rest).toEqual([]);
      expect(finding).toMatchObject({ ruleId: 'DPP-2.1-DataSubnetNoPublicIp', clause: '2.1', level: 'error', logicalId: 'S', property: 'MapPublicIpOnLaunch' });
      expect(finding.message).toMatch(/data-tier subnet assigns a public IP address/);
    }
  });

  test('warns when MapPublicIpOnLaunch of a data-tier subnet is a parameter', () => {
    expect(subnet('data', { Ref: 'Map' })).toEqual([expect.objectContaining({ level: 'warning', property: 'MapPublicIpOnLaunch' })]);
  });

  test('warns when the tier of a subnet mapping public IPs is an intrinsic', () => {
    expect(subnet({ Ref: 'Tier' }, true)).toEqual([expect.objectContaining({ level: 'warning', property: 'Tags.dpp:network-tier' })]);
    expect(subnet({ Ref: 'Tier' }, false)).toEqual([]);
  });
});

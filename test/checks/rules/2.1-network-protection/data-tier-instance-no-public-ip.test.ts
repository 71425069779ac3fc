import { DataTierInstanceNoPublicIp } from '../../../../lib/checks/rules/2.1-network-protection/data-tier-instance-no-public-ip';
import { findingsOf, parameters, type Resources } from '../../../helpers/check';

const rule = DataTierInstanceNoPublicIp;
const SUBNETS: Resources = {
  DataSubnet: { Type: 'AWS::EC2::Subnet', Properties: { Tags: [{ Key: 'dpp:network-tier', Value: 'data' }] } },
  PublicSubnet: { Type: 'AWS::EC2::Subnet', Properties: { Tags: [{ Key: 'dpp:network-tier', Value: 'public' }] } },
};
const instance = (Properties: Record<string, unknown>, extra: Resources = {}) =>
  findingsOf(rule, { ...SUBNETS, Vm: { Type: 'AWS::EC2::Instance', Properties }, ...extra }, parameters('Public', 'Subnet'));

describe('DPP-2.1-DataTierInstanceNoPublicIp', () => {
  test('passes a data-tier instance without a public IP and a public-tier one with one', () => {
    expect(instance({ SubnetId: { Ref: 'DataSubnet' } })).toEqual([]);
    expect(instance({ NetworkInterfaces: [{ DeviceIndex: '0', SubnetId: { Ref: 'DataSubnet' }, AssociatePublicIpAddress: false }] })).toEqual([]);
    expect(instance({ NetworkInterfaces: [{ DeviceIndex: '0', SubnetId: { Ref: 'PublicSubnet' }, AssociatePublicIpAddress: true }] })).toEqual([]);
  });

  test('fails a network interface associating a public IP in a data-tier subnet', () => {
    const [finding, ...rest] = instance({ NetworkInterfaces: [{ DeviceIndex: '0', SubnetId: { Ref: 'DataSubnet' }, AssociatePublicIpAddress: 'true' }] });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-2.1-DataTierInstanceNoPublicIp', clause: '2.1', level: 'error', logicalId: 'Vm', property: 'NetworkInterfaces.0.AssociatePublicIpAddress' });
    expect(finding.message).toMatch(/associates a public IP address in data-tier subnet DataSubnet/);
  });

  test('fails an Elastic IP on a data-tier instance', () => {
    const findings = instance({ SubnetId: { Ref: 'DataSubnet' } }, { Eip: { Type: 'AWS::EC2::EIP', Properties: { InstanceId: { Ref: 'Vm' } } } });
    expect(findings).toEqual([expect.objectContaining({ level: 'error', message: expect.stringMatching(/Elastic IP Eip gives the instance in data-tier subnet DataSubnet a public IP/) })]);
  });

  test('warns when the public-IP flag of a data-tier interface, or the subnet of a public interface, is a parameter', () => {
    expect(instance({ NetworkInterfaces: [{ DeviceIndex: '0', SubnetId: { Ref: 'DataSubnet' }, AssociatePublicIpAddress: { Ref: 'Public' } }] }))
      .toEqual([expect.objectContaining({ level: 'warning', property: 'NetworkInterfaces.0.AssociatePublicIpAddress' })]);
    expect(instance({ SubnetId: { Ref: 'Subnet' }, NetworkInterfaces: [{ DeviceIndex: '0', AssociatePublicIpAddress: true }] }))
      .toEqual([expect.objectContaining({ level: 'warning', property: 'SubnetId' })]);
  });

  test('warns when a network interface is an intrinsic', () => {
    expect(instance({ NetworkInterfaces: [{ 'Fn::If': ['Public', { DeviceIndex: '0', AssociatePublicIpAddress: true }, { Ref: 'AWS::NoValue' }] }] }))
      .toEqual([expect.objectContaining({ level: 'warning', property: 'NetworkInterfaces.0' })]);
  });
});

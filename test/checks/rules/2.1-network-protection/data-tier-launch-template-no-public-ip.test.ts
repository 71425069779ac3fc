import { DataTierLaunchTemplateNoPublicIp } from '../../../../lib/checks/rules/2.1-network-protection/data-tier-launch-template-no-public-ip';
import { findingsOf, parameters, type Resources } from '../../../helpers/check';

const rule = DataTierLaunchTemplateNoPublicIp;
const SUBNETS: Resources = {
  DataSubnet: { Type: 'AWS::EC2::Subnet', Properties: { Tags: [{ Key: 'dpp:network-tier', Value: 'data' }] } },
  AppSubnet: { Type: 'AWS::EC2::Subnet', Properties: { Tags: [{ Key: 'dpp:network-tier', Value: 'application' }] } },
};
const template = (associate: unknown, subnets: unknown[]): Resources => ({
  ...SUBNETS,
  Lt: { Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateData: { NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: associate }] } } },
  Asg: { Type: 'AWS::AutoScaling::AutoScalingGroup', Properties: { MinSize: '1', MaxSize: '1', LaunchTemplate: { LaunchTemplateId: { Ref: 'Lt' }, Version: { 'Fn::GetAtt': ['Lt', 'LatestVersionNumber'] } }, VPCZoneIdentifier: subnets } },
});

describe('DPP-2.1-DataTierLaunchTemplateNoPublicIp', () => {
  test('passes a public-IP launch template used only outside the data tier, and one without public IPs in it', () => {
    expect(findingsOf(rule, template(true, [{ Ref: 'AppSubnet' }]))).toEqual([]);
    expect(findingsOf(rule, template(false, [{ Ref: 'DataSubnet' }]))).toEqual([]);
  });

  test('fails a launch template whose Auto Scaling group launches into a data-tier subnet', () => {
    const [finding, ...rest] = findingsOf(rule, template(true, [{ Ref: 'AppSubnet' }, { Ref: 'DataSubnet' }]));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-2.1-DataTierLaunchTemplateNoPublicIp', clause: '2.1', level: 'error', logicalId: 'Lt', property: 'LaunchTemplateData.NetworkInterfaces.0.AssociatePublicIpAddress' });
    expect(finding.message).toMatch(/launches in data-tier subnet DataSubnet/);
  });

  test('fails a launch configuration used by a data-tier Auto Scaling group', () => {
    const findings = findingsOf(rule, {
      ...SUBNETS,
      Lc: { Type: 'AWS::AutoScaling::LaunchConfiguration', Properties: { AssociatePublicIpAddress: true, ImageId: 'ami-1', InstanceType: 't3.micro' } },
      Asg: { Type: 'AWS::AutoScaling::AutoScalingGroup', Properties: { LaunchConfigurationName: { Ref: 'Lc' }, VPCZoneIdentifier: [{ Ref: 'DataSubnet' }] } },
    });
    expect(findings).toEqual([expect.objectContaining({ logicalId: 'Lc', level: 'error', property: 'AssociatePublicIpAddress' })]);
  });

  test('fails a launch template used by a data-tier instance', () => {
    const findings = findingsOf(rule, {
      ...SUBNETS,
      Lt: { Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateData: { NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: true }] } } },
      Vm: { Type: 'AWS::EC2::Instance', Properties: { LaunchTemplate: { LaunchTemplateId: { Ref: 'Lt' }, Version: '1' }, SubnetId: { Ref: 'DataSubnet' } } },
    });
    expect(findings).toEqual([expect.objectContaining({ logicalId: 'Lt', level: 'error' })]);
  });

  test('warns when the flag is a parameter in the data tier, or the subnets are imported', () => {
    expect(findingsOf(rule, template({ Ref: 'Public' }, [{ Ref: 'DataSubnet' }]), parameters('Public'))).toEqual([expect.objectContaining({ level: 'warning' })]);
    expect(findingsOf(rule, template(true, { 'Fn::Split': [',', { 'Fn::ImportValue': 'Subnets' }] } as unknown as unknown[]))).toEqual([expect.objectContaining({ level: 'warning', message: expect.stringMatching(/^cannot be verified at synth time/) })]);
  });

  test('warns when the launch template data, its interfaces or one interface is an intrinsic', () => {
    const lt = (LaunchTemplateData: unknown) => findingsOf(rule, { Lt: { Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateData } } }, parameters('Data'));
    expect(lt({ Ref: 'Data' })).toEqual([expect.objectContaining({ level: 'warning', property: 'LaunchTemplateData' })]);
    expect(lt({ NetworkInterfaces: { 'Fn::If': ['Public', [], []] } })).toEqual([expect.objectContaining({ level: 'warning', property: 'LaunchTemplateData.NetworkInterfaces' })]);
    expect(lt({ NetworkInterfaces: [{ 'Fn::If': ['Public', {}, { Ref: 'AWS::NoValue' }] }] })).toEqual([expect.objectContaining({ level: 'warning', property: 'LaunchTemplateData.NetworkInterfaces.0' })]);
  });
});

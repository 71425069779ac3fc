import { SegmentedSubnetNetworkAcl } from '../../../../lib/checks/rules/2.1-network-protection/segmented-subnet-network-acl';
import { findingsOf, parameters, type Resources } from '../../../helpers/check';

const rule = SegmentedSubnetNetworkAcl;
const vpc = (segmented: unknown): Resources => ({ Vpc: { Type: 'AWS::EC2::VPC', Properties: { Tags: [{ Key: 'dpp:segmented', Value: segmented }] } } });
const SUBNET: Resources = { Subnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' } } } };
const association = (NetworkAclId: unknown): Resources => ({ Assoc: { Type: 'AWS::EC2::SubnetNetworkAclAssociation', Properties: { SubnetId: { Ref: 'Subnet' }, NetworkAclId } } });
const ACL: Resources = { Acl: { Type: 'AWS::EC2::NetworkAcl', Properties: { VpcId: { Ref: 'Vpc' } } } };

describe('DPP-2.1-SegmentedSubnetNetworkAcl', () => {
  test('passes a subnet of a segmented VPC associated with an ACL of the template', () => {
    expect(findingsOf(rule, { ...vpc('true'), ...SUBNET, ...ACL, ...association({ Ref: 'Acl' }) })).toEqual([]);
  });

  test('does not apply to subnets of VPCs that are not segmented', () => {
    expect(findingsOf(rule, { ...vpc('false'), ...SUBNET })).toEqual([]);
    expect(findingsOf(rule, { Subnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: 'vpc-123' } } })).toEqual([]);
  });

  test('fails a subnet of a segmented VPC with no ACL association', () => {
    const [finding, ...rest] = findingsOf(rule, { ...vpc(true), ...SUBNET });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-2.1-SegmentedSubnetNetworkAcl', clause: '2.1', level: 'error', logicalId: 'Subnet' });
    expect(finding.message).toMatch(/uses the default network ACL: the subnet has no AWS::EC2::SubnetNetworkAclAssociation/);
  });

  test('fails an association to the VPC default network ACL', () => {
    expect(findingsOf(rule, { ...vpc('true'), ...SUBNET, ...association({ 'Fn::GetAtt': ['Vpc', 'DefaultNetworkAcl'] }) }))
      .toEqual([expect.objectContaining({ level: 'error', message: expect.stringMatching(/default network ACL/) })]);
  });

  test('warns when the ACL, the VPC or its tag is an intrinsic', () => {
    const cases: Resources[] = [
      { ...vpc('true'), ...SUBNET, ...association({ Ref: 'AclParam' }) },
      { Subnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { 'Fn::ImportValue': 'SharedVpc' } } } },
      { ...vpc({ Ref: 'AclParam' }), ...SUBNET },
    ];
    for (const resources of cases) {
      expect(findingsOf(rule, resources, parameters('AclParam'))).toEqual([expect.objectContaining({ level: 'warning', message: expect.stringMatching(/^cannot be verified at synth time/) })]);
    }
  });
});

import { EbsVolumeEncrypted } from '../../../../lib/checks/rules/3.4-encryption-at-rest/ebs-volume-encrypted';
import { findingsOf } from '../../../helpers/check';
import { describePropertyRule, expectOneFailure, expectOneUnresolvable } from '../../../helpers/rule-expectations';

describePropertyRule(EbsVolumeEncrypted, 'AWS::EC2::Volume', 'Encrypted', { good: true, bad: false }, /volume is not encrypted/);

describe('DPP-3.4-EbsVolumeEncrypted on launch templates and instances', () => {
  const template = (mappings: unknown) => ({ LT: { Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateData: { BlockDeviceMappings: mappings } } } });

  test('passes encrypted mappings and ignores instance-store ones', () => {
    expect(findingsOf(EbsVolumeEncrypted, template([{ DeviceName: '/dev/xvda', Ebs: { Encrypted: true } }, { DeviceName: '/dev/sdb', VirtualName: 'ephemeral0' }]))).toEqual([]);
  });

  test('fails an unencrypted mapping of an instance', () => {
    const resources = { I: { Type: 'AWS::EC2::Instance', Properties: { BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 8 } }] } } };
    const finding = expectOneFailure(findingsOf(EbsVolumeEncrypted, resources), EbsVolumeEncrypted, 'I', /block device mapping 0 is not encrypted/);
    expect(finding.property).toBe('BlockDeviceMappings.0.Ebs.Encrypted');
  });

  test('warns on a volume restored from a snapshot, whose encryption the snapshot decides', () => {
    expectOneUnresolvable(findingsOf(EbsVolumeEncrypted, { V: { Type: 'AWS::EC2::Volume', Properties: { SnapshotId: 'snap-1' } } }), 'SnapshotId');
  });

  test('warns when the mapping list is an Fn::If', () => {
    expectOneUnresolvable(findingsOf(EbsVolumeEncrypted, template({ 'Fn::If': ['C', [], []] })), 'LaunchTemplateData.BlockDeviceMappings');
  });
});

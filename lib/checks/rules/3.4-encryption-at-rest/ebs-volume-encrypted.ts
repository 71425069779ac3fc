import { STORE_ENCRYPTION_EXPLANATION } from '../../lookups/store-encryption';
import { requireTrue } from '../../assert';
import type { ResourceContext, Verdict } from '../../types';
import { resourceRule, unresolvable } from '../../types';
import { asArray, isIntrinsic } from '../../values';

/** Where each type lists its block device mappings. */
const MAPPINGS: Record<string, string> = {
  'AWS::EC2::LaunchTemplate': 'LaunchTemplateData.BlockDeviceMappings',
  'AWS::EC2::Instance': 'BlockDeviceMappings',
};

/**
 * An EBS volume must say `Encrypted: true`. A volume made from a snapshot takes the snapshot's
 * encryption (CloudFormation then forbids `Encrypted`), which the template cannot show.
 */
function requireEncrypted(ctx: ResourceContext, prefix: string, what: string): Verdict | undefined {
  const encrypted = ctx.prop(`${prefix}Encrypted`);
  if (encrypted.kind === 'absent' && ctx.prop(`${prefix}SnapshotId`).kind !== 'absent') {
    return unresolvable(`${prefix}SnapshotId`, 'encryption is inherited from the snapshot');
  }
  return requireTrue(ctx, `${prefix}Encrypted`, `${what} is not encrypted (Encrypted is not true)`);
}

function mappedVolumes(ctx: ResourceContext, path: string): Verdict[] {
  const list = ctx.prop(path);
  if (list.kind === 'unresolvable') return [unresolvable(path, list.why)];
  if (list.kind !== 'known') return [];
  return asArray(list.value).flatMap((mapping, i) => {
    if (isIntrinsic(mapping)) return [unresolvable(`${path}.${i}`, 'a block device mapping given by an intrinsic')];
    // Instance-store (VirtualName) and NoDevice mappings hold no EBS volume.
    if (!mapping || typeof mapping !== 'object' || !('Ebs' in mapping)) return [];
    return requireEncrypted(ctx, `${path}.${i}.Ebs.`, `EBS volume of block device mapping ${i}`) ?? [];
  });
}

export const EbsVolumeEncrypted = resourceRule({
  id: 'DPP-3.4-EbsVolumeEncrypted',
  clause: '3.4',
  level: 'error',
  resourceTypes: ['AWS::EC2::Volume', ...Object.keys(MAPPINGS)],
  description: 'EBS volumes (standalone, and those declared in launch templates and instances) are encrypted',
  fix: 'Set Encrypted: true on the volume or block device mapping (with KmsKeyId naming a customer-managed key)',
  explanation: STORE_ENCRYPTION_EXPLANATION,
  check: (ctx) => ctx.type === 'AWS::EC2::Volume' ? requireEncrypted(ctx, '', 'volume') : mappedVolumes(ctx, MAPPINGS[ctx.type]),
});

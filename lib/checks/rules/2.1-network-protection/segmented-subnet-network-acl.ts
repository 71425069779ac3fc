import { fail, resourceRule, unresolvable, type ResourceContext } from '../../types';
import { asBoolean } from '../../values';
import { TAG_SEGMENTED } from '../../vocabulary';

type Answer = { readonly answer: 'yes' } | { readonly answer: 'no' | 'unknown'; readonly why: string };

/** Whether one of the subnet's ACL associations names a network ACL declared in the template (so not the VPC default). */
function hasOwnNetworkAcl(ctx: ResourceContext): Answer {
  let result: Answer = { answer: 'no', why: 'the subnet has no AWS::EC2::SubnetNetworkAclAssociation' };
  for (const ref of ctx.index.referrersOf(ctx.logicalId, 'AWS::EC2::SubnetNetworkAclAssociation', 'Properties.SubnetId')) {
    const acl = ctx.index.classify(ctx.index.resource(ref.from)?.Properties?.NetworkAclId);
    if (acl.kind === 'reference' && ctx.index.typeOf(acl.logicalId) === 'AWS::EC2::NetworkAcl') return { answer: 'yes' };
    if (acl.kind === 'unresolvable') result = { answer: 'unknown', why: `association ${ref.from} names the network ACL by ${acl.why}` };
    else if (acl.kind === 'known') result = { answer: 'unknown', why: `association ${ref.from} names network ACL ${String(acl.value)}, which is not declared in this template` };
    else if (result.answer === 'no') result = { answer: 'no', why: `association ${ref.from} names the VPC's default network ACL` };
  }
  return result;
}

/** Whether the subnet's VPC is one the baseline built (tagged dpp:segmented=true). */
function inSegmentedVpc(ctx: ResourceContext): Answer {
  const vpc = ctx.prop('VpcId');
  if (vpc.kind === 'unresolvable') return { answer: 'unknown', why: `VpcId is ${vpc.why}` };
  if (vpc.kind !== 'reference') return { answer: 'no', why: 'the VPC is not declared in this template' };
  const tag = ctx.index.tag(vpc.logicalId, TAG_SEGMENTED);
  if (tag.kind === 'unresolvable') return { answer: 'unknown', why: `the ${TAG_SEGMENTED} tag of ${vpc.logicalId} is ${tag.why}` };
  return tag.kind === 'known' && asBoolean(tag.value) === true ? { answer: 'yes' } : { answer: 'no', why: 'the VPC is not segmented' };
}

export const SegmentedSubnetNetworkAcl = resourceRule({
  id: 'DPP-2.1-SegmentedSubnetNetworkAcl',
  clause: '2.1',
  level: 'error',
  resourceTypes: ['AWS::EC2::Subnet'],
  description: 'Every subnet of a segmented VPC (dpp:segmented=true) is associated with a network ACL of the template, not the default one',
  fix: 'Associate the subnet with its tier\'s network ACL through an AWS::EC2::SubnetNetworkAclAssociation',
  explanation: 'DPP 2.1 Network Protection requires network access control lists that deny unauthorized IP addresses, and network segmentation; the default network ACL allows all traffic in and out.',
  check: (ctx) => {
    const acl = hasOwnNetworkAcl(ctx);
    if (acl.answer === 'yes') return undefined;
    const segmented = inSegmentedVpc(ctx);
    if (segmented.answer === 'no') return undefined;
    if (segmented.answer === 'unknown') return unresolvable('VpcId', segmented.why);
    return acl.answer === 'unknown' ? unresolvable('SubnetNetworkAclAssociation', acl.why) : fail(`the subnet of a segmented VPC uses the default network ACL: ${acl.why}`);
  },
});

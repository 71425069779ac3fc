import { isOpenCidr } from '../../lookups/network';
import { fail, resourceRule, unresolvable } from '../../types';
import { asArray, asBoolean, isIntrinsic } from '../../values';

const CONFIG = 'ResourcesVpcConfig';

// EndpointPublicAccess defaults to true, and an unset PublicAccessCidrs admits every address
// (EKS API Reference, VpcConfigRequest: https://docs.aws.amazon.com/eks/latest/APIReference/API_VpcConfigRequest.html).
export const EksEndpointNotPublic = resourceRule({
  id: 'DPP-2.1-EksEndpointNotPublic',
  clause: '2.1',
  level: 'error',
  resourceTypes: ['AWS::EKS::Cluster'],
  description: 'EKS cluster API endpoints are private, or public only to approved CIDRs',
  fix: 'Set ResourcesVpcConfig.EndpointPublicAccess: false (with EndpointPrivateAccess: true), or list the approved CIDRs in PublicAccessCidrs',
  explanation: 'DPP 2.1 Network Protection requires public access only for approved users; a public API endpoint open to 0.0.0.0/0 lets anyone on the internet reach the cluster\'s control plane.',
  check: (ctx) => {
    const publicAccess = ctx.prop(`${CONFIG}.EndpointPublicAccess`);
    if (publicAccess.kind === 'unresolvable') return unresolvable(`${CONFIG}.EndpointPublicAccess`, publicAccess.why);
    if (publicAccess.kind === 'known' && asBoolean(publicAccess.value) === false) return undefined;
    const cidrs = ctx.prop(`${CONFIG}.PublicAccessCidrs`);
    if (cidrs.kind === 'unresolvable') return unresolvable(`${CONFIG}.PublicAccessCidrs`, cidrs.why);
    if (cidrs.kind === 'absent') return fail('the API endpoint is public (EndpointPublicAccess true or unset) and PublicAccessCidrs is not set, so it is open to 0.0.0.0/0', `${CONFIG}.PublicAccessCidrs`);
    const values = cidrs.kind === 'known' ? asArray(cidrs.value) : [];
    if (values.some(isIntrinsic)) return unresolvable(`${CONFIG}.PublicAccessCidrs`, 'a CIDR given by an intrinsic');
    const open = values.filter((v) => typeof v === 'string' && isOpenCidr(v));
    return open.length > 0 ? fail(`the API endpoint is public to ${open.join(', ')}`, `${CONFIG}.PublicAccessCidrs`) : undefined;
  },
});

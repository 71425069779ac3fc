import { fail, resourceRule, unresolvable } from '../../types';

const FLOW_LOG = 'AWS::EC2::FlowLog';

export const VpcFlowLogs = resourceRule({
  id: 'DPP-2.1-VpcFlowLogs',
  clause: '2.1',
  level: 'error',
  resourceTypes: ['AWS::EC2::VPC'],
  description: 'Every VPC has a flow log (an AWS::EC2::FlowLog whose ResourceId references it)',
  fix: 'Add an AWS::EC2::FlowLog with ResourceType VPC and ResourceId referencing this VPC (CDK: vpc.addFlowLog)',
  explanation: 'DPP 2.1 Network Protection requires denying unauthorized IP addresses, and DPP 3.6 Logging and Monitoring requires logs of access attempts on every channel to Information; VPC flow logs record the network traffic that reaches and leaves the VPC.',
  check: (ctx) => {
    let doubt: string | undefined;
    for (const ref of ctx.index.referrersOf(ctx.logicalId, FLOW_LOG, 'Properties.ResourceId')) {
      const conditional = ctx.index.resource(ref.from)?.Condition;
      if (ref.path === 'Properties.ResourceId' && conditional === undefined) return undefined;
      doubt ??= conditional !== undefined ? `flow log ${ref.from} exists only under condition ${conditional}` : `flow log ${ref.from} names this VPC inside an intrinsic`;
    }
    // A flow log whose target is a parameter or an import may be this VPC's.
    const [undecided] = ctx.index.unresolvableProperty(FLOW_LOG, 'ResourceId');
    if (undecided) doubt ??= `flow log ${undecided.logicalId} targets ${undecided.why}`;
    return doubt !== undefined ? unresolvable('flow log ResourceId', doubt) : fail('no AWS::EC2::FlowLog has a ResourceId referencing this VPC');
  },
});

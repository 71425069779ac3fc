import { VpcFlowLogs } from '../../../../lib/checks/rules/2.1-network-protection/vpc-flow-logs';
import { findingsOf, parameters, type Resources } from '../../../helpers/check';

const rule = VpcFlowLogs;
const VPC: Resources = { Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } } };
const flowLog = (ResourceId: unknown, extra: Record<string, unknown> = {}) => ({ Type: 'AWS::EC2::FlowLog', Properties: { ResourceId, ResourceType: 'VPC', TrafficType: 'ALL' }, ...extra });

describe('DPP-2.1-VpcFlowLogs', () => {
  test('passes a VPC with a flow log referencing it', () => {
    expect(findingsOf(rule, { ...VPC, Log: flowLog({ Ref: 'Vpc' }) })).toEqual([]);
  });

  test('fails a VPC without a flow log (a flow log of another VPC does not count)', () => {
    const [finding, ...rest] = findingsOf(rule, { ...VPC, Other: { Type: 'AWS::EC2::VPC' }, Log: flowLog({ Ref: 'Other' }) });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-2.1-VpcFlowLogs', clause: '2.1', level: 'error', logicalId: 'Vpc' });
    expect(finding.message).toMatch(/^no AWS::EC2::FlowLog has a ResourceId referencing this VPC\. Fix: /);
  });

  test('warns when a flow log targets a parameter, or names the VPC under Fn::If, or is conditional', () => {
    for (const log of [flowLog({ Ref: 'VpcId' }), flowLog({ 'Fn::If': ['On', { Ref: 'Vpc' }, 'vpc-0'] }), flowLog({ Ref: 'Vpc' }, { Condition: 'Prod' })]) {
      expect(findingsOf(rule, { ...VPC, Log: log as never }, parameters('VpcId'))).toEqual([expect.objectContaining({ level: 'warning', message: expect.stringMatching(/^cannot be verified at synth time/) })]);
    }
  });
});

import { SecurityGroupNoOpenIngress } from '../../../../lib/checks/rules/2.1-network-protection/security-group-no-open-ingress';
import { findingsOf, parameters, type Resources } from '../../../helpers/check';

const rule = SecurityGroupNoOpenIngress;

function sg(...ingress: unknown[]): Resources {
  return { Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'x', SecurityGroupIngress: ingress } } };
}

/** A load balancer using security group `Sg` with a port-80 listener whose default action is `action`. */
function albWith(action: Record<string, unknown>, extra: Resources = {}): Resources {
  return {
    ...sg({ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, CidrIp: '0.0.0.0/0' }, { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' }),
    Alb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { SecurityGroups: [{ 'Fn::GetAtt': ['Sg', 'GroupId'] }] } },
    Http: { Type: 'AWS::ElasticLoadBalancingV2::Listener', Properties: { LoadBalancerArn: { Ref: 'Alb' }, Port: 80, Protocol: 'HTTP', DefaultActions: [action] } },
    ...extra,
  };
}

const REDIRECT = { Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } };

describe('DPP-2.1-SecurityGroupNoOpenIngress', () => {
  test('passes TCP 443 from anywhere, IPv4 and IPv6, and narrow CIDRs on any port', () => {
    expect(findingsOf(rule, sg(
      { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' },
      { IpProtocol: '6', FromPort: '443', ToPort: '443', CidrIpv6: '::/0' },
      { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '10.0.0.0/16' },
      { IpProtocol: '-1', SourceSecurityGroupId: 'sg-123' },
    ))).toEqual([]);
  });

  test('fails SSH from anywhere, naming the rule, the CIDR and the port', () => {
    const [finding, ...rest] = findingsOf(rule, sg({ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' }, { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' }));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-2.1-SecurityGroupNoOpenIngress', clause: '2.1', level: 'error', logicalId: 'Sg', property: 'SecurityGroupIngress.1.CidrIp' });
    expect(finding.message).toMatch(/ingress rule SecurityGroupIngress\.1 allows 0\.0\.0\.0\/0 on tcp 22 \(including SSH 22\)\. Fix: /);
  });

  test.each([
    ['a port range covering 22', { IpProtocol: 'tcp', FromPort: 0, ToPort: 1024, CidrIp: '0.0.0.0/0' }, /tcp 0-1024 \(including SSH 22\)/],
    ['all protocols (-1)', { IpProtocol: '-1', CidrIp: '0.0.0.0/0' }, /all traffic/],
    ['all protocols with ports given', { IpProtocol: -1, FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' }, /all traffic/],
    ['UDP 443', { IpProtocol: 'udp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' }, /udp 443/],
    ['IPv6 RDP', { IpProtocol: 'tcp', FromPort: 3389, ToPort: 3389, CidrIpv6: '::/0' }, /::\/0 on tcp 3389 \(including RDP 3389\)/],
    ['ICMP', { IpProtocol: 'icmp', FromPort: -1, ToPort: -1, CidrIp: '0.0.0.0/0' }, /protocol icmp/],
    ['TCP with no ports', { IpProtocol: 'tcp', CidrIp: '0.0.0.0/0' }, /tcp 0-65535/],
  ])('fails %s', (_, entry, message) => {
    const findings = findingsOf(rule, sg(entry));
    expect(findings).toEqual([expect.objectContaining({ level: 'error', message: expect.stringMatching(message) })]);
  });

  test('checks AWS::EC2::SecurityGroupIngress resources the same way', () => {
    const findings = findingsOf(rule, {
      ...sg(),
      Ssh: { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: { Ref: 'Sg' }, IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' } },
      Https: { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: { Ref: 'Sg' }, IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIpv6: '::/0' } },
    });
    expect(findings).toEqual([expect.objectContaining({ logicalId: 'Ssh', level: 'error', property: 'CidrIp', message: expect.stringMatching(/^the ingress rule allows 0\.0\.0\.0\/0 on tcp 22/) })]);
  });

  test('passes port 80 on a load balancer whose port-80 listener only redirects to HTTPS', () => {
    expect(findingsOf(rule, albWith(REDIRECT))).toEqual([]);
  });

  test('fails port 80 when the listener forwards plain HTTP', () => {
    const findings = findingsOf(rule, albWith({ Type: 'forward', TargetGroupArn: 'arn:tg' }));
    expect(findings).toEqual([expect.objectContaining({ logicalId: 'Sg', property: 'SecurityGroupIngress.0.FromPort', message: expect.stringMatching(/opens tcp 80 .* listener Http has a "forward" action/) })]);
  });

  test('fails port 80 when a listener rule forwards despite a redirecting default action', () => {
    const findings = findingsOf(rule, albWith(REDIRECT, {
      Rule: { Type: 'AWS::ElasticLoadBalancingV2::ListenerRule', Properties: { ListenerArn: { Ref: 'Http' }, Priority: 1, Conditions: [], Actions: [{ Type: 'forward', TargetGroupArn: 'arn:tg' }] } },
    }));
    expect(findings).toEqual([expect.objectContaining({ message: expect.stringMatching(/listener rule Rule has a "forward" action/) })]);
  });

  test('fails port 80 when the redirect keeps HTTP', () => {
    expect(findingsOf(rule, albWith({ Type: 'redirect', RedirectConfig: { StatusCode: 'HTTP_301' } }))).toEqual([expect.objectContaining({ level: 'error', message: expect.stringMatching(/redirects to the same protocol/) })]);
  });

  test('fails port 80 when the group is not on a load balancer, or also on an instance', () => {
    expect(findingsOf(rule, sg({ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, CidrIp: '0.0.0.0/0' }))).toEqual([expect.objectContaining({ message: expect.stringMatching(/not attached to a load balancer/) })]);
    const shared = findingsOf(rule, albWith(REDIRECT, { Vm: { Type: 'AWS::EC2::Instance', Properties: { SecurityGroupIds: [{ 'Fn::GetAtt': ['Sg', 'GroupId'] }] } } }));
    expect(shared).toEqual([expect.objectContaining({ message: expect.stringMatching(/also attached to Vm \(AWS::EC2::Instance\)/) })]);
  });

  test('ignores security groups that only refer to the load balancer group (source-group rules)', () => {
    expect(findingsOf(rule, albWith(REDIRECT, {
      AppIngress: { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: 'sg-app', IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, SourceSecurityGroupId: { 'Fn::GetAtt': ['Sg', 'GroupId'] } } },
    }))).toEqual([]);
  });

  test.each([
    ['CidrIp from a parameter', { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: { Ref: 'Cidr' } }, 'SecurityGroupIngress.0.CidrIp'],
    ['ports under Fn::If', { IpProtocol: 'tcp', FromPort: { 'Fn::If': ['Prod', 443, 22] }, ToPort: 443, CidrIp: '0.0.0.0/0' }, 'SecurityGroupIngress.0.FromPort'],
    ['a whole rule under Fn::If', { 'Fn::If': ['Prod', { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' }, { Ref: 'AWS::NoValue' }] }, 'SecurityGroupIngress.0'],
  ])('warns when %s', (_, entry, property) => {
    const findings = findingsOf(rule, sg(entry), parameters('Cidr'));
    expect(findings).toEqual([expect.objectContaining({ level: 'warning', property, message: expect.stringMatching(/^cannot be verified at synth time/) })]);
  });

  test('warns when the whole ingress list is an intrinsic', () => {
    const findings = findingsOf(rule, { Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { SecurityGroupIngress: { 'Fn::If': ['Prod', [], []] } } } });
    expect(findings).toEqual([expect.objectContaining({ level: 'warning', property: 'SecurityGroupIngress' })]);
  });

  test('reads a CIDR taken from a resource of the template (the VPC range) as not open', () => {
    expect(findingsOf(rule, { Vpc: { Type: 'AWS::EC2::VPC' }, ...sg({ IpProtocol: '-1', CidrIp: { 'Fn::GetAtt': ['Vpc', 'CidrBlock'] } }) })).toEqual([]);
  });
});

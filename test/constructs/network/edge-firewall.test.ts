import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { EdgeAudience, EdgeFirewall, EdgeScope, WAF_FACTS } from '../../../constructs/network/edge-firewall';
import { EncryptionKeys } from '../../../constructs/security/keys';
import { DppChecks } from '../../../lib/checks/nag-pack';
import { resourcesOfType, stackWithoutBundling } from '../no-bundling';

describe('EdgeFirewall', () => {
  const { stack } = stackWithoutBundling();
  const keys = new EncryptionKeys(stack, 'Keys');
  const approved = new EdgeFirewall(stack, 'Approved', { audience: EdgeAudience.APPROVED_NETWORKS, approvedCidrs: ['203.0.113.0/24', '2001:db8::/32'], logEncryptionKey: keys.logs, name: 'approved' });
  new EdgeFirewall(stack, 'Public', { audience: EdgeAudience.PUBLIC, logEncryptionKey: keys.logs, name: 'public', rateLimitPer5Minutes: 500 });
  approved.associate('arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/x/1');
  const template = Template.fromStack(stack);
  const acl = (name: string): Record<string, any> => resourcesOfType(template, 'AWS::WAFv2::WebACL').map(([, a]) => a.Properties).find((a) => a.Name === name) ?? {};

  test('approved networks: IP sets per family allowed, everything else blocked', () => {
    expect(acl('approved')).toMatchObject({ Scope: 'REGIONAL', DefaultAction: { Block: {} } });
    expect(acl('approved').Rules.map((r: { Name: string; Action: unknown }) => [r.Name, r.Action])).toEqual([['AllowApprovedIpv4', { Allow: {} }], ['AllowApprovedIpv6', { Allow: {} }]]);
    expect(resourcesOfType(template, 'AWS::WAFv2::IPSet').map(([, s]) => [s.Properties.IPAddressVersion, s.Properties.Addresses])).toEqual([['IPV4', ['203.0.113.0/24']], ['IPV6', ['2001:db8::/32']]]);
  });

  test('public: AWS managed rule groups and a per-IP rate limit, allowed by default', () => {
    const rules = acl('public').Rules;
    expect(acl('public').DefaultAction).toEqual({ Allow: {} });
    expect(rules.slice(0, 3).map((r: { Statement: { ManagedRuleGroupStatement: { Name: string; VendorName: string } } }) => r.Statement.ManagedRuleGroupStatement)).toEqual(WAF_FACTS.publicManagedRuleGroups.map((Name) => ({ Name, VendorName: 'AWS' })));
    expect(rules[3]).toMatchObject({ Name: 'RateLimitPerIp', Action: { Block: {} }, Statement: { RateBasedStatement: { Limit: 500, AggregateKeyType: 'IP' } } });
  });

  test('every request logged to a KMS log group named aws-waf-logs-…, the destination without the ":*" suffix', () => {
    template.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: 'aws-waf-logs-approved', RetentionInDays: 365, KmsKeyId: { 'Fn::GetAtt': [stack.resolve((keys.logs.node.defaultChild as never as { logicalId: string }).logicalId), 'Arn'] } });
    const [, logging] = resourcesOfType(template, 'AWS::WAFv2::LoggingConfiguration')[0];
    expect(JSON.stringify(logging.Properties.LogDestinationConfigs)).not.toContain(':*');
    expect(resourcesOfType(template, 'AWS::WAFv2::WebACLAssociation')).toHaveLength(1);
  });

  test('the DPP 2.1 warning leaves an associated ALB alone and names one without a web ACL', () => {
    const app = new App({ builtinCloudFormationValidation: false });
    const s = new Stack(app, 'Lb', { env: { account: '111111111111', region: 'eu-west-1' } });
    const vpc = new ec2.Vpc(s, 'Vpc', { natGateways: 0 });
    const k = new EncryptionKeys(s, 'Keys');
    const covered = new elbv2.ApplicationLoadBalancer(s, 'Covered', { vpc, internetFacing: true });
    new elbv2.ApplicationLoadBalancer(s, 'Bare', { vpc, internetFacing: true });
    new EdgeFirewall(s, 'Fw', { audience: EdgeAudience.PUBLIC, logEncryptionKey: k.logs }).associate(covered.loadBalancerArn);
    app.synth();
    const warnings = new DppChecks().validateScope(app).violations.filter((v) => v.ruleName === 'DPP-2.1-PublicEntryPointWebAcl');
    expect(warnings.map((v) => [v.severity, v.violatingResources.map((r) => r.constructPath)])).toEqual([['warning', [expect.stringContaining('Bare')]]]);
  });

  test('rejects an allowlist without ranges or with the whole internet, a CloudFront ACL outside us-east-1, and a rate limit WAF would not take', () => {
    const other = stackWithoutBundling().stack;
    const k = new EncryptionKeys(other, 'Keys');
    expect(() => new EdgeFirewall(other, 'A', { audience: EdgeAudience.APPROVED_NETWORKS, logEncryptionKey: k.logs })).toThrow('EdgeFirewall: approvedCidrs must list at least one range with APPROVED_NETWORKS');
    expect(() => new EdgeFirewall(other, 'B', { audience: EdgeAudience.APPROVED_NETWORKS, approvedCidrs: ['0.0.0.0/0'], logEncryptionKey: k.logs })).toThrow(/^EdgeFirewall: approvedCidrs "0.0.0.0\/0" is not a CIDR block other than the whole internet/);
    expect(() => new EdgeFirewall(other, 'C', { audience: EdgeAudience.PUBLIC, scope: EdgeScope.CLOUDFRONT, logEncryptionKey: k.logs })).toThrow('EdgeFirewall: scope CLOUDFRONT web ACLs exist only in us-east-1; this stack is in eu-west-1');
    expect(() => new EdgeFirewall(other, 'D', { audience: EdgeAudience.PUBLIC, rateLimitPer5Minutes: 5, logEncryptionKey: k.logs })).toThrow(/^EdgeFirewall: rateLimitPer5Minutes must be an integer from 10/);
  });
});

import { ArnFormat, Stack, Token } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { retainExceptOnCreate } from '../common/removal';
import { policyOf } from '../../lib/policy/context';
import { requireLogRetentionDays } from '../audit/log-retention';
import { invalidProp, requireIntegerInRange } from '../common/validate';
import { isWholeInternet, parseCidr } from '../../lib/policy/cidr';

/** Who an entry point serves. */
export enum EdgeAudience {
  /** Known users from known networks: only the approved CIDRs get through; everything else is blocked. */
  APPROVED_NETWORKS = 'APPROVED_NETWORKS',
  /** The public: AWS managed rule groups and a per-IP rate limit; everything else is allowed. */
  PUBLIC = 'PUBLIC',
}

/** Where the web ACL is used: regional resources (ALB, API Gateway stage) or CloudFront. */
export enum EdgeScope {
  REGIONAL = 'REGIONAL',
  /** Web ACLs for CloudFront must be created in us-east-1. */
  CLOUDFRONT = 'CLOUDFRONT',
}

/**
 * Documented WAFv2 facts the construct relies on, kept as data with their source so a test pins each:
 * - a CloudWatch Logs destination's name must start with `aws-waf-logs-` (AWS WAF Developer Guide,
 *   "Sending web ACL traffic logs to an Amazon CloudWatch Logs log group");
 * - a rate-based rule's limit is 10 to 2,000,000,000 requests per evaluation window (default 300 s)
 *   (AWS::WAFv2::WebACL RateBasedStatement, `Limit`);
 * - CLOUDFRONT-scoped web ACLs exist only in us-east-1 (AWS::WAFv2::WebACL, `Scope`);
 * - the baseline's public rule groups are AWS managed rule groups of vendor `AWS` (AWS WAF
 *   Developer Guide, "AWS Managed Rules rule groups list").
 */
export const WAF_FACTS = {
  logGroupPrefix: 'aws-waf-logs-',
  rateLimit: { min: 10, max: 2_000_000_000 },
  cloudFrontRegion: 'us-east-1',
  publicManagedRuleGroups: ['AWSManagedRulesAmazonIpReputationList', 'AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet'],
} as const;

/** Props of {@link EdgeFirewall}. */
export interface EdgeFirewallProps {
  /** Who the entry points behind this web ACL serve. */
  readonly audience: EdgeAudience;
  /**
   * The approved IPv4/IPv6 ranges (DPP 2.1), with `APPROVED_NETWORKS`: the environment's `approvedCidrs`.
   * @default - none; required with APPROVED_NETWORKS
   */
  readonly approvedCidrs?: readonly string[];
  /**
   * Where the web ACL is used.
   * @default EdgeScope.REGIONAL
   */
  readonly scope?: EdgeScope;
  /**
   * Requests one IP may send per 5 minutes before it is blocked, with `PUBLIC`.
   * @default 1000
   */
  readonly rateLimitPer5Minutes?: number;
  /**
   * The web ACL's name, also the suffix of its log group `aws-waf-logs-<name>`.
   * @default 'dpp-edge'
   */
  readonly name?: string;
  /** The key of the log group (DPP 3.4): requests name client IPs and paths. */
  readonly logEncryptionKey: kms.IKey;
  /**
   * Retention of the log group: at least 90 days (DPP 3.6).
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly logRetention?: logs.RetentionDays;
}

const NAME = 'EdgeFirewall';

/**
 * A web application firewall for the public entry points a workload adds (DPP 2.1 Network
 * Protection: firewalls that deny unauthorised IP addresses): a WAFv2 web ACL that
 * - for a known audience (`APPROVED_NETWORKS`) allows only the approved CIDRs and blocks the rest;
 * - for the public (`PUBLIC`) allows by default, but blocks IPs on Amazon's reputation list,
 *   common exploits and known bad inputs (AWS managed rule groups), and any IP above a request rate;
 * logging every request to a KMS-encrypted log group (DPP 3.6). Attach it with {@link associate}
 * (ALB, API Gateway REST stage) or, for CloudFront, `webAclId: firewall.webAcl.attrArn` on the
 * distribution (scope CLOUDFRONT, in a us-east-1 stack). `DPP-2.1-PublicEntryPointWebAcl` warns on
 * public entry points without one.
 */
export class EdgeFirewall extends Construct {
  public readonly webAcl: wafv2.CfnWebACL;
  public readonly logGroup: logs.LogGroup;
  private associations = 0;

  constructor(scope: Construct, id: string, props: EdgeFirewallProps) {
    super(scope, id);
    const edgeScope = props.scope ?? EdgeScope.REGIONAL;
    const region = Stack.of(this).region;
    if (edgeScope === EdgeScope.CLOUDFRONT && !Token.isUnresolved(region) && region !== WAF_FACTS.cloudFrontRegion) invalidProp(NAME, 'scope', `CLOUDFRONT web ACLs exist only in ${WAF_FACTS.cloudFrontRegion}; this stack is in ${region}`);
    const name = props.name ?? 'dpp-edge';
    if (!/^[A-Za-z0-9_-]{1,100}$/.test(name)) invalidProp(NAME, 'name', `must be 1 to 100 letters, digits, '-' or '_', got ${JSON.stringify(name)}`);
    const logRetention = requireLogRetentionDays(NAME, 'logRetention', props.logRetention ?? logs.RetentionDays.ONE_YEAR, policyOf(this));
    const metric = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({ cloudWatchMetricsEnabled: true, metricName, sampledRequestsEnabled: true });

    const rules: wafv2.CfnWebACL.RuleProperty[] = [];
    let defaultAction: wafv2.CfnWebACL.DefaultActionProperty;
    if (props.audience === EdgeAudience.APPROVED_NETWORKS) {
      const cidrs = [...(props.approvedCidrs ?? [])];
      if (cidrs.length === 0) invalidProp(NAME, 'approvedCidrs', 'must list at least one range with APPROVED_NETWORKS');
      const parsed = cidrs.map((c) => ({ c, cidr: parseCidr(c) }));
      const bad = parsed.find(({ cidr }) => !cidr || isWholeInternet(cidr));
      if (bad) invalidProp(NAME, 'approvedCidrs', `${JSON.stringify(bad.c)} is not a CIDR block other than the whole internet`);
      defaultAction = { block: {} };
      for (const family of [4, 6] as const) {
        const addresses = parsed.filter(({ cidr }) => cidr!.family === family).map(({ c }) => c);
        if (addresses.length === 0) continue;
        const set = new wafv2.CfnIPSet(this, `ApprovedIpv${family}`, { scope: edgeScope, ipAddressVersion: `IPV${family}`, addresses, description: 'DPP 2.1: the approved networks' });
        rules.push({ name: `AllowApprovedIpv${family}`, priority: rules.length, action: { allow: {} }, statement: { ipSetReferenceStatement: { arn: set.attrArn } }, visibilityConfig: metric(`${name}-approved-ipv${family}`) });
      }
    } else {
      defaultAction = { allow: {} };
      for (const group of WAF_FACTS.publicManagedRuleGroups) {
        rules.push({ name: group, priority: rules.length, overrideAction: { none: {} }, statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: group } }, visibilityConfig: metric(`${name}-${group}`) });
      }
      const limit = requireIntegerInRange(NAME, 'rateLimitPer5Minutes', props.rateLimitPer5Minutes ?? 1000, WAF_FACTS.rateLimit.min, WAF_FACTS.rateLimit.max);
      rules.push({ name: 'RateLimitPerIp', priority: rules.length, action: { block: {} }, statement: { rateBasedStatement: { limit, aggregateKeyType: 'IP' } }, visibilityConfig: metric(`${name}-rate-limit`) });
    }

    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      name,
      scope: edgeScope,
      defaultAction,
      rules,
      description: `DPP 2.1: ${props.audience === EdgeAudience.PUBLIC ? 'managed rule groups and a rate limit for a public entry point' : 'only the approved networks'}`,
      visibilityConfig: metric(name),
    });

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: `${WAF_FACTS.logGroupPrefix}${name}`,
      retention: logRetention,
      encryptionKey: props.logEncryptionKey,
      // WAF needs the fixed `aws-waf-logs-` name: kept, except when its create rolls back (a retry would find it).
      removalPolicy: retainExceptOnCreate(),
    });
    // WAF takes the log group's ARN without the `:*` that CDK's logGroupArn ends with.
    const destination = Stack.of(this).formatArn({ service: 'logs', resource: 'log-group', resourceName: this.logGroup.logGroupName, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    new wafv2.CfnLoggingConfiguration(this, 'Logging', { resourceArn: this.webAcl.attrArn, logDestinationConfigs: [destination] });
  }

  /** Attaches the web ACL to an application load balancer or an API Gateway REST stage (by ARN). */
  public associate(resourceArn: string): wafv2.CfnWebACLAssociation {
    return new wafv2.CfnWebACLAssociation(this, `Association${this.associations++}`, { resourceArn, webAclArn: this.webAcl.attrArn });
  }
}

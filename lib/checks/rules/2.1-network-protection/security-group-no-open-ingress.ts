import { securityGroupServesRedirectOnly, type Decision } from '../../lookups/load-balancer';
import { formatPorts, isOpenCidr, normaliseProtocol, portRange, type PortRange } from '../../lookups/network';
import { fail, resourceRule, unresolvable, type ResourceContext, type Verdict } from '../../types';
import { isIntrinsic } from '../../values';

const ADMIN_PORTS: ReadonlyArray<[number, string]> = [[22, 'SSH'], [3389, 'RDP']];

function describeTraffic(protocol: string, ports: PortRange): string {
  if (protocol === 'all') return 'all traffic (IpProtocol -1)';
  if (protocol !== 'tcp' && protocol !== 'udp') return `protocol ${protocol}`;
  const admin = ADMIN_PORTS.filter(([port]) => port >= ports.from && port <= ports.to).map(([port, name]) => `${name} ${port}`);
  return `${protocol} ${formatPorts(ports)}${admin.length > 0 ? ` (including ${admin.join(', ')})` : ''}`;
}

/** Port 80 is tolerated only on a security group that serves load balancers redirecting port 80 to HTTPS. */
function port80Decision(ctx: ResourceContext): Decision {
  if (ctx.type === 'AWS::EC2::SecurityGroup') return securityGroupServesRedirectOnly(ctx.index, ctx.logicalId);
  const group = ctx.prop('GroupId');
  if (group.kind === 'reference') return securityGroupServesRedirectOnly(ctx.index, group.logicalId);
  if (group.kind === 'unresolvable') return { answer: 'unknown', why: `GroupId is ${group.why}` };
  return { answer: 'no', why: 'its security group is not declared in this template' };
}

/** One ingress rule: an inline entry (`at` = `SecurityGroupIngress.<i>`) or an AWS::EC2::SecurityGroupIngress resource (`at` = ''). */
function checkIngress(ctx: ResourceContext, entry: Record<string, unknown>, at: string): Verdict | undefined {
  const path = (key: string) => (at ? `${at}.${key}` : key);
  const name = at ? `ingress rule ${at}` : 'the ingress rule';
  let open: string | undefined;
  for (const key of ['CidrIp', 'CidrIpv6']) {
    const cidr = ctx.index.classify(entry[key]);
    if (cidr.kind === 'unresolvable') return unresolvable(path(key), cidr.why);
    if (cidr.kind === 'known' && isOpenCidr(cidr.value)) open ??= String(cidr.value);
  }
  if (open === undefined) return undefined;
  for (const key of ['IpProtocol', 'FromPort', 'ToPort']) {
    if (isIntrinsic(entry[key])) return unresolvable(path(key), `an intrinsic, on a rule open to ${open}`);
  }
  const protocol = normaliseProtocol(entry.IpProtocol);
  const ports = portRange(entry.FromPort, entry.ToPort);
  const single = protocol === 'tcp' && ports.from === ports.to ? ports.from : undefined;
  if (single === 443) return undefined;
  if (single === 80) {
    const decision = port80Decision(ctx);
    if (decision.answer === 'yes') return undefined;
    if (decision.answer === 'unknown') return unresolvable(path('FromPort'), `tcp 80 is open to ${open} and whether only an HTTPS redirect listens there cannot be read (${decision.why})`);
    return fail(`${name} opens tcp 80 to ${open}, which is allowed only on a load balancer whose port-80 listener only redirects to HTTPS, but ${decision.why}`, path('FromPort'));
  }
  return fail(`${name} allows ${open} on ${describeTraffic(protocol, ports)}`, path(entry.CidrIpv6 !== undefined && isOpenCidr(entry.CidrIpv6) ? 'CidrIpv6' : 'CidrIp'));
}

export const SecurityGroupNoOpenIngress = resourceRule({
  id: 'DPP-2.1-SecurityGroupNoOpenIngress',
  clause: '2.1',
  level: 'error',
  resourceTypes: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'],
  description: 'Security groups admit the whole internet (0.0.0.0/0 or ::/0) only on TCP 443, or on TCP 80 of a load balancer whose port-80 listener only redirects to HTTPS',
  fix: 'Restrict the ingress rule to the approved CIDRs or a source security group, or open only TCP 443 to the internet',
  explanation: 'DPP 2.1 Network Protection requires firewalls that deny access to unauthorized IP addresses and public access restricted to approved users; a security group open to 0.0.0.0/0 lets any address reach the port.',
  check: (ctx) => {
    if (ctx.type === 'AWS::EC2::SecurityGroupIngress') return checkIngress(ctx, ctx.properties, '');
    const rules = ctx.prop('SecurityGroupIngress');
    if (rules.kind === 'unresolvable') return unresolvable('SecurityGroupIngress', rules.why);
    if (rules.kind !== 'known' || !Array.isArray(rules.value)) return undefined;
    return rules.value.flatMap((entry, i): Verdict[] => {
      if (isIntrinsic(entry)) return [unresolvable(`SecurityGroupIngress.${i}`, 'an ingress rule given by an intrinsic')];
      if (!entry || typeof entry !== 'object') return [];
      const verdict = checkIngress(ctx, entry as Record<string, unknown>, `SecurityGroupIngress.${i}`);
      return verdict ? [verdict] : [];
    });
  },
});

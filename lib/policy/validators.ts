import { AWS_LIMITS, LOG_RETENTION_VALUES, NEVER_EXPIRE } from './aws-limits';
import { isWholeInternet, parseCidr } from './cidr';
import type { PolicyProfile } from './profile';

/**
 * One validator per fact, shared by config validation and the constructs, so a config that
 * validates always synthesizes and the other way round. Each returns the problem (to follow the
 * name of the key or prop), or undefined when the value is fine.
 */

const [PORT_MIN, PORT_MAX] = AWS_LIMITS.portRange.value;
/** The VPC sizes SegmentedVpc can split into its tiers (AWS allows /16 to /28). */
export const VPC_PREFIX_RANGE = [16, 24] as const;

/** An approved inbound range (DPP 2.1 Network Protection): IPv4, not the internet, not wider than the profile allows. */
export function approvedCidrProblem(text: string, policy: PolicyProfile): string | undefined {
  const cidr = parseCidr(text);
  if (!cidr) return `${JSON.stringify(text)} is not a valid CIDR block`;
  // SegmentedVpc's network ACL entries and security group rules are IPv4 (`CidrBlock`, `CidrIp`).
  if (cidr.family !== 4) return `${text} is IPv6; approved ranges are IPv4 (the segmented VPC's network ACLs are IPv4)`;
  if (isWholeInternet(cidr)) return `${text} is not allowed (DPP 2.1 Network Protection: deny unauthorised IPs)`;
  const widest = policy.values.widestApprovedPrefixV4;
  if (cidr.prefixLength < widest) return `${text} is wider than /${widest} (DPP 2.1 Network Protection: approve specific ranges, not the internet)`;
  return undefined;
}

/** The list of approved ranges: at least one, at most what the public tier's network ACL can hold. */
export function approvedCidrCountProblem(count: number): string | undefined {
  if (count < 1) return 'must list at least one approved CIDR (DPP 2.1 Network Protection)';
  const max = AWS_LIMITS.approvedCidrsMax.value;
  if (count > max) return `must list at most ${max} CIDR blocks: the public tier's network ACL holds 20 entries per direction, 3 of them for NAT traffic`;
  return undefined;
}

/** The VPC's own range. */
export function vpcCidrProblem(text: string): string | undefined {
  const cidr = parseCidr(text);
  const [low, high] = VPC_PREFIX_RANGE;
  if (!cidr || cidr.family !== 4 || cidr.prefixLength < low || cidr.prefixLength > high) return `${JSON.stringify(text)} must be an IPv4 CIDR between /${low} and /${high}`;
  return undefined;
}

/** A TCP port. */
export function portProblem(port: number): string | undefined {
  return Number.isInteger(port) && port >= PORT_MIN && port <= PORT_MAX ? undefined : `must be an integer from ${PORT_MIN} to ${PORT_MAX}, got ${port}`;
}

/** The application and database tiers are segmented by port (DPP 2.1). */
export function distinctPortsProblem(applicationPort: number, databasePort: number): string | undefined {
  return applicationPort === databasePort ? `must differ from applicationPort (${applicationPort}): the tiers are segmented by port (DPP 2.1 Network Protection)` : undefined;
}

/** A log retention in days: at least the profile's minimum (DPP 3.6 Logging and Monitoring), or never expire. */
export function logRetentionProblem(days: number, policy: PolicyProfile): string | undefined {
  if (days === NEVER_EXPIRE) return undefined;
  const min = policy.values.logRetentionDays;
  if (!Number.isInteger(days) || days < min) return `must be at least ${min} days (DPP 3.6 Logging and Monitoring, profile ${policy.name}), got ${days}`;
  return undefined;
}

/** As {@link logRetentionProblem}, and a value CloudWatch Logs accepts. */
export function cloudWatchLogRetentionProblem(days: number, policy: PolicyProfile): string | undefined {
  const below = logRetentionProblem(days, policy);
  if (below || days === NEVER_EXPIRE) return below;
  const min = policy.values.logRetentionDays;
  if (!LOG_RETENTION_VALUES.includes(days)) return `must be one of the values CloudWatch Logs accepts (${LOG_RETENTION_VALUES.filter((d) => d >= min).join(', ')}), got ${days}`;
  return undefined;
}

/** A PII retention (DPP 3.1 Data Retention): whole days; above the profile's limit only with a legal basis. */
export function piiRetentionProblem(days: number, legalBasis: string | undefined, policy: PolicyProfile): { readonly key: 'retentionDays' | 'legalBasis'; readonly problem: string } | undefined {
  if (!Number.isInteger(days) || days < 1) return { key: 'retentionDays', problem: `must be a whole number of days, at least 1, got ${days}` };
  if (legalBasis !== undefined && legalBasis.trim() === '') return { key: 'legalBasis', problem: 'must name the law that requires the retention, not be blank' };
  const max = policy.values.piiRetentionDays;
  if (days > max && !legalBasis?.trim()) return { key: 'retentionDays', problem: `${days} is above ${max} days; set legalBasis to the law that requires it (DPP 3.1 Data Retention)` };
  return undefined;
}

/** The incident point of contact a profile may require (DPP 2.7 Incident Response). */
export function incidentContactProblem(contact: string | undefined, policy: PolicyProfile): string | undefined {
  if (!policy.values.incidentContactRequired) return undefined;
  return contact?.trim() ? undefined : `is required by profile ${policy.name}: name the Incident Management Point of Contact (DPP 2.7 Incident Response)`;
}

/**
 * Hook for the AWS Backup construct (issue 15): its `copyRegion` prop, the region its plan copies
 * recovery points to. Required where the profile asks for a second-region copy (dpp-2025,
 * DPP-3.7-BackupCopyToSecondRegion), and never the stack's own region.
 */
export function copyRegionProblem(copyRegion: string | undefined, stackRegion: string | undefined, policy: PolicyProfile): string | undefined {
  if (copyRegion === undefined) {
    return policy.values.backupSecondRegionLevel === 'off' ? undefined : `is required by profile ${policy.name}: name a second region for the backup copy (DPP 3.7 Vulnerability Management)`;
  }
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(copyRegion)) return `${JSON.stringify(copyRegion)} is not a region name`;
  return copyRegion === stackRegion ? `must differ from the stack's region ${stackRegion}: the copy protects against losing that region` : undefined;
}

/**
 * An egress domain of the Network Firewall allowlist (`EgressFirewall`, config
 * `egressAllowedDomains`): an explicit name, or a leading `.` for a domain and its subdomains
 * (AWS::NetworkFirewall::RuleGroup RulesSourceList, CloudFormation Template Reference).
 */
export const EGRESS_DOMAIN_PATTERN = /^\.?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

export function egressDomainProblem(domain: string): string | undefined {
  return EGRESS_DOMAIN_PATTERN.test(domain)
    ? undefined
    : `${JSON.stringify(domain)} is not a domain name (lower case; a leading "." allows the domain and its subdomains)`;
}

/**
 * The most domains the firewall's domain-list rule group holds: its capacity (1,000, fixed at
 * creation, "Setting rule group capacity in AWS Network Firewall") at one rule per domain and
 * target type (HTTP_HOST, TLS_SNI), a deliberate over-estimate.
 */
export const MAX_ALLOWED_DOMAINS = 500;

/** The allowlist as a whole: at least one domain (an empty one blocks all HTTP and TLS egress), none twice, within the rule group's capacity. */
export function egressDomainsProblem(domains: readonly string[], maxDomains: number): string | undefined {
  if (domains.length === 0) return 'must name at least one domain (an empty allowlist blocks all HTTP and TLS egress)';
  if (new Set(domains).size !== domains.length) return 'lists a domain twice';
  if (domains.length > maxDomains) return `has ${domains.length} domains; at most ${maxDomains} fit the rule group's capacity`;
  return undefined;
}

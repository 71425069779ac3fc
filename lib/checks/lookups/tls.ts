/**
 * What the named TLS security policies of AWS services accept, for the DPP 2.5 Encryption in
 * Transit rules (TLS 1.2 or newer everywhere). Each lookup returns the oldest TLS version a policy
 * accepts as a number (1.0, 1.1, 1.2, 1.3), or undefined for a name it does not know: rules treat
 * an unknown name as not proven, never as compliant.
 */

/** The oldest TLS version DPP 2.5 accepts. */
export const MINIMUM_TLS = 1.2;

/**
 * Elastic Load Balancing predefined policies (ALB/NLB `SslPolicy`, classic ELB
 * `Reference-Security-Policy`) that still accept TLS 1.0 or 1.1, with the oldest version each
 * accepts. `ELBSecurityPolicy-2016-08` is the API default of an HTTPS/TLS listener without an
 * `SslPolicy`. Names following the same conventions are also recognised by pattern below.
 */
export const ELB_LEGACY_TLS_POLICIES: ReadonlyMap<string, number> = new Map([
  ['ELBSecurityPolicy-2016-08', 1.0],
  ['ELBSecurityPolicy-2015-05', 1.0],
  ['ELBSecurityPolicy-2015-03', 1.0],
  ['ELBSecurityPolicy-2015-02', 1.0],
  ['ELBSecurityPolicy-2014-10', 1.0],
  ['ELBSecurityPolicy-2014-01', 1.0],
  ['ELBSecurityPolicy-2011-08', 1.0],
  ['ELBSample-ELBDefaultCipherPolicy', 1.0],
  ['ELBSample-OpenSSLDefaultCipherPolicy', 1.0],
  ['ELBSecurityPolicy-TLS-1-0-2015-04', 1.0],
  ['ELBSecurityPolicy-TLS-1-1-2017-01', 1.1],
  ['ELBSecurityPolicy-FS-2018-06', 1.0],
  ['ELBSecurityPolicy-FS-1-1-2019-08', 1.1],
  ['ELBSecurityPolicy-TLS13-1-0-2021-06', 1.0],
  ['ELBSecurityPolicy-TLS13-1-1-2021-06', 1.1],
  ['ELBSecurityPolicy-TLS13-1-0-PQ-2025-09', 1.0],
  ['ELBSecurityPolicy-TLS13-1-1-PQ-2025-09', 1.1],
  ['ELBSecurityPolicy-TLS13-1-0-FIPS-2023-04', 1.0],
  ['ELBSecurityPolicy-TLS13-1-1-FIPS-2023-04', 1.1],
  ['ELBSecurityPolicy-TLS13-1-0-FIPS-PQ-2025-09', 1.0],
  ['ELBSecurityPolicy-TLS13-1-1-FIPS-PQ-2025-09', 1.1],
]);

/** The policy an ALB/NLB HTTPS or TLS listener gets when the template sets no `SslPolicy`. */
export const ELB_DEFAULT_SSL_POLICY = 'ELBSecurityPolicy-2016-08';

/** Oldest TLS version an Elastic Load Balancing security policy accepts. */
export function elbPolicyMinimumTls(name: string): number | undefined {
  const listed = ELB_LEGACY_TLS_POLICIES.get(name);
  if (listed !== undefined) return listed;
  // ELBSecurityPolicy-TLS13-1-2-…, -TLS-1-2-…, -FS-1-2-…: the digits after "1-" are the minimum minor version.
  const versioned = /^ELBSecurityPolicy-(?:TLS13|TLS|FS)-1-(\d)-/.exec(name);
  if (versioned) return 1 + Number(versioned[1]) / 10;
  // Date-only names (ELBSecurityPolicy-2016-08, -FS-2018-06) predate the TLS-1-2 policies and accept TLS 1.0.
  if (/^ELBSecurityPolicy-(?:FS-)?\d{4}-\d{2}$/.test(name)) return 1.0;
  return undefined;
}

/**
 * Whether a CloudFront `MinimumProtocolVersion` is `TLSv1.2_2021` or newer, as DPP 2.5 asks: the
 * 2018 and 2019 TLS 1.2 policies still offer weak (CBC/SHA-1) ciphers. Undefined for an unknown name.
 */
export function cloudFrontProtocolIsCurrent(version: string): boolean | undefined {
  if (['SSLv3', 'TLSv1', 'TLSv1_2016'].includes(version)) return false;
  const match = /^TLSv1\.(\d)_(\d{4})/.exec(version);
  if (!match) return undefined;
  const minor = Number(match[1]);
  return minor > 2 || (minor === 2 && Number(match[2]) >= 2021);
}

/** Oldest TLS version an API Gateway domain `SecurityPolicy` accepts (legacy `TLS_1_x` and enhanced `SecurityPolicy_…` names). */
export function apiGatewayPolicyMinimumTls(name: string): number | undefined {
  if (name === 'TLS_1_0') return 1.0;
  if (name === 'TLS_1_2') return 1.2;
  const tls13 = /^SecurityPolicy_TLS13_1_(\d)_/.exec(name);
  if (tls13) return 1 + Number(tls13[1]) / 10;
  if (/^SecurityPolicy_TLS13_\d{4}_/.test(name)) return 1.3;
  if (/^SecurityPolicy_TLS12_/.test(name)) return 1.2;
  return undefined;
}

/** Oldest TLS version an OpenSearch / Elasticsearch `TLSSecurityPolicy` accepts. */
export function openSearchPolicyMinimumTls(name: string): number | undefined {
  const match = /^Policy-Min-TLS-1-(\d)-/.exec(name);
  return match ? 1 + Number(match[1]) / 10 : undefined;
}

/** "TLS 1.0" for messages. */
export function tlsLabel(version: number): string {
  if (version < 1) return 'SSL 3.0';
  return `TLS ${version.toFixed(1)}`;
}

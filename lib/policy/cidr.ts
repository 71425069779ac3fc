/** A parsed CIDR block. Only what config validation and the network constructs need. */
export interface Cidr {
  readonly family: 4 | 6;
  readonly prefixLength: number;
  readonly text: string;
}

const IPV4_OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

function isIpv4(address: string): boolean {
  const parts = address.split('.');
  return parts.length === 4 && parts.every((p) => IPV4_OCTET.test(p));
}

function isIpv6(address: string): boolean {
  if (!/^[0-9a-fA-F:]+$/.test(address)) return false;
  const doubleColons = address.split('::').length - 1;
  if (doubleColons > 1) return false;
  const groups = address.split(':').filter((g) => g !== '');
  if (groups.some((g) => g.length > 4)) return false;
  return doubleColons === 1 ? groups.length < 8 : groups.length === 8;
}

/** Parses `a.b.c.d/n` or an IPv6 `x::/n`; returns undefined when malformed. */
export function parseCidr(text: string): Cidr | undefined {
  const match = /^([^/]+)\/(\d{1,3})$/.exec(text);
  if (!match) return undefined;
  const [, address, prefix] = match;
  const prefixLength = Number(prefix);
  if (isIpv4(address)) {
    return prefixLength <= 32 ? { family: 4, prefixLength, text } : undefined;
  }
  if (isIpv6(address)) {
    return prefixLength <= 128 ? { family: 6, prefixLength, text } : undefined;
  }
  return undefined;
}

/** True for 0.0.0.0/0 and ::/0 and other spellings of "the whole internet". */
export function isWholeInternet(cidr: Cidr): boolean {
  return cidr.prefixLength === 0;
}

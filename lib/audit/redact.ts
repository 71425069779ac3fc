/** AWS access key IDs (long-term AKIA…, temporary ASIA…, and the other documented prefixes). */
const ACCESS_KEY_ID = /\b(AKIA|ASIA|AIDA|AROA|ABIA|ACCA|AGPA|ANPA|ANVA|APKA|AIPA)[A-Z0-9]{12,}\b/g;

/** Masks an access key ID to its prefix and last four characters: `AKIA…WXYZ`. */
export function maskKeyId(id: string): string {
  return id.length <= 8 ? '****' : `${id.slice(0, 4)}…${id.slice(-4)}`;
}

/**
 * Masks anything in `text` that looks like an access key ID, so error messages relayed from AWS or the SDK never
 * print one in full (DPP 2.4: keys are readable only by those who need them).
 */
export function redactSecrets(text: string): string {
  return text.replace(ACCESS_KEY_ID, (id) => maskKeyId(id));
}

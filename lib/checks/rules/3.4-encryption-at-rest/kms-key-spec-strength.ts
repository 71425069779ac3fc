import { fail, resourceRule, unresolvable, warn } from '../../types';

/** Specs at least as strong as AES-128 / RSA-2048 besides RSA (which is judged by its size). */
const STRONG_SPECS = /^(?:SYMMETRIC_DEFAULT|ECC_NIST_P(?:256|384|521)|ECC_SECG_P256K1|HMAC_(?:224|256|384|512)|SM2|ML_DSA_(?:44|65|87))$/;
const RSA = /^RSA_(\d+)$/;

export const KmsKeySpecStrength = resourceRule({
  id: 'DPP-3.4-KmsKeySpecStrength',
  clause: '3.4',
  level: 'error',
  resourceTypes: ['AWS::KMS::Key'],
  description: 'KMS key specs are at least AES-128 / RSA-2048 strength',
  fix: 'Use KeySpec SYMMETRIC_DEFAULT (AES-256), RSA_2048 or larger, or an ECC/HMAC spec',
  explanation: 'DPP 3.4 Encryption at Rest requires PII encrypted with at least AES-128 or RSA with 2048-bit keys.',
  check: (ctx) => {
    const spec = ctx.prop('KeySpec');
    if (spec.kind === 'absent') return undefined; // SYMMETRIC_DEFAULT: AES-256-GCM
    if (spec.kind !== 'known') return unresolvable('KeySpec', spec.kind === 'unresolvable' ? spec.why : 'a reference');
    const value = String(spec.value);
    const rsa = RSA.exec(value);
    if (rsa) return Number(rsa[1]) >= 2048 ? undefined : fail(`key spec ${value} is weaker than RSA-2048`, 'KeySpec');
    // ECC P-256 and up match AES-128 strength (NIST SP 800-57); HMAC keys authenticate and never encrypt data.
    if (STRONG_SPECS.test(value)) return undefined;
    return warn(`key spec ${value} is not one this rule knows: check it is at least AES-128 / RSA-2048 strength`, 'KeySpec');
  },
});

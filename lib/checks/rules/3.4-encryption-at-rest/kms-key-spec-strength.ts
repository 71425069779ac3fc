import { policyRule } from '../../policy-rule';
import { fail, unresolvable, warn } from '../../types';

/**
 * Specs besides RSA (judged by its size) and the symmetric strength each gives, in bits:
 * SYMMETRIC_DEFAULT is AES-256-GCM; ECC curves give half their size (NIST SP 800-57 Part 1,
 * Table 2); HMAC keys authenticate and never encrypt data, so they never weaken encryption.
 */
const SPEC_STRENGTH: Readonly<Record<string, number>> = {
  SYMMETRIC_DEFAULT: 256,
  ECC_NIST_P256: 128,
  ECC_NIST_P384: 192,
  ECC_NIST_P521: 256,
  ECC_SECG_P256K1: 128,
  SM2: 128,
  HMAC_224: Infinity,
  HMAC_256: Infinity,
  HMAC_384: Infinity,
  HMAC_512: Infinity,
  ML_DSA_44: Infinity,
  ML_DSA_65: Infinity,
  ML_DSA_87: Infinity,
};
const RSA = /^RSA_(\d+)$/;

export const KmsKeySpecStrength = policyRule((policy) => {
  const { symmetricKeyMinBits: aes, rsaKeyMinBits: rsaBits } = policy.values;
  const floor = `AES-${aes} / RSA-${rsaBits}`;
  return {
    id: 'DPP-3.4-KmsKeySpecStrength',
    clause: '3.4',
    level: 'error',
    resourceTypes: ['AWS::KMS::Key'],
    description: `KMS key specs are at least ${floor} strength`,
    fix: `Use KeySpec SYMMETRIC_DEFAULT (AES-256), RSA_${rsaBits} or larger, or an ECC/HMAC spec of that strength`,
    explanation: `DPP 3.4 Encryption at Rest requires PII encrypted with at least AES-${aes} or RSA with ${rsaBits}-bit keys (profile ${policy.name}).`,
    check: (ctx) => {
      const spec = ctx.prop('KeySpec');
      if (spec.kind === 'absent') return undefined; // SYMMETRIC_DEFAULT: AES-256-GCM
      if (spec.kind !== 'known') return unresolvable('KeySpec', spec.kind === 'unresolvable' ? spec.why : 'a reference');
      const value = String(spec.value);
      const rsa = RSA.exec(value);
      if (rsa) return Number(rsa[1]) >= rsaBits ? undefined : fail(`key spec ${value} is weaker than RSA-${rsaBits}`, 'KeySpec');
      const strength = SPEC_STRENGTH[value];
      if (strength === undefined) return warn(`key spec ${value} is not one this rule knows: check it is at least ${floor} strength`, 'KeySpec');
      return strength >= aes ? undefined : fail(`key spec ${value} is weaker than AES-${aes}`, 'KeySpec');
    },
  };
});

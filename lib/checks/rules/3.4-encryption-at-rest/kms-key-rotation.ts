import { requireTrue } from '../../assert';
import { resourceRule, unresolvable, warn } from '../../types';

export const KmsKeyRotation = resourceRule({
  id: 'DPP-3.4-KmsKeyRotation',
  clause: '3.4',
  level: 'error',
  resourceTypes: ['AWS::KMS::Key'],
  description: 'Symmetric customer-managed KMS keys rotate automatically',
  fix: 'Set EnableKeyRotation: true',
  explanation: 'DPP 3.4 Encryption at Rest protects PII with keys only the Developer\'s processes can use; yearly rotation limits what one compromised key version exposes.',
  check: (ctx) => {
    const spec = ctx.prop('KeySpec');
    if (spec.kind === 'unresolvable' || spec.kind === 'reference') return unresolvable('KeySpec', spec.kind === 'unresolvable' ? spec.why : 'a reference');
    // Asymmetric and HMAC keys cannot rotate automatically.
    if (spec.kind === 'known' && spec.value !== 'SYMMETRIC_DEFAULT') return undefined;
    const origin = ctx.prop('Origin');
    if (origin.kind === 'unresolvable') return unresolvable('Origin', origin.why);
    if (origin.kind === 'known' && origin.value !== 'AWS_KMS') {
      return warn(`key material comes from ${String(origin.value)}, which KMS cannot rotate automatically: rotate it by hand`, 'Origin');
    }
    return requireTrue(ctx, 'EnableKeyRotation', 'automatic key rotation is not enabled (EnableKeyRotation is not true)');
  },
});

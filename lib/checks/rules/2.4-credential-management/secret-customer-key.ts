import { textOf } from '../../lookups/intrinsic-text';
import { fail, resourceRule, unresolvable, type ResourceContext, type Verdict } from '../../types';
import { asArray, isIntrinsic } from '../../values';

const KEY_TYPES = new Set(['AWS::KMS::Key', 'AWS::KMS::Alias', 'AWS::KMS::ReplicaKey']);

/** A KmsKeyId must name a customer key: a key or alias of the template, or a literal key/alias that is not `alias/aws/…`. */
function customerKey(ctx: ResourceContext, raw: unknown, property: string): Verdict | undefined {
  const value = ctx.index.classify(raw);
  if (value.kind === 'absent') return fail(`${property} is not set, so the secret uses the AWS managed key aws/secretsmanager`, property);
  if (value.kind === 'reference') return KEY_TYPES.has(ctx.index.typeOf(value.logicalId) ?? '') ? undefined : fail(`${property} references ${value.logicalId}, which is not a KMS key or alias`, property);
  const text = textOf(ctx.index, raw);
  if (!text.known) return unresolvable(property, text.why);
  return /(^|:)alias\/aws\//.test(text.text) ? fail(`${property} is the AWS managed key ${text.text}`, property) : undefined;
}

export const SecretCustomerKey = resourceRule({
  id: 'DPP-2.4-SecretCustomerKey',
  clause: '2.4',
  level: 'error',
  resourceTypes: ['AWS::SecretsManager::Secret'],
  description: 'Secrets Manager secrets (and their replicas) are encrypted with a customer-managed KMS key',
  fix: 'Set KmsKeyId (and each ReplicaRegions KmsKeyId) to a customer-managed KMS key whose key policy names the readers',
  explanation: 'DPP 2.4 Credential Management requires API keys to be encrypted and accessible only to the employees who need them; a customer-managed key lets its key policy, not only IAM, decide who can decrypt.',
  check: (ctx) => {
    const verdicts = [customerKey(ctx, ctx.properties.KmsKeyId, 'KmsKeyId')];
    const replicas = ctx.properties.ReplicaRegions;
    if (isIntrinsic(replicas)) verdicts.push(unresolvable('ReplicaRegions', 'replica regions given by an intrinsic'));
    else {
      asArray(replicas).forEach((replica, i) => {
        const spec = replica && typeof replica === 'object' && !isIntrinsic(replica) ? (replica as Record<string, unknown>) : undefined;
        verdicts.push(spec ? customerKey(ctx, spec.KmsKeyId, `ReplicaRegions.${i}.KmsKeyId`) : unresolvable(`ReplicaRegions.${i}`, 'a replica given by an intrinsic'));
      });
    }
    return verdicts.filter((v): v is Verdict => v !== undefined);
  },
});

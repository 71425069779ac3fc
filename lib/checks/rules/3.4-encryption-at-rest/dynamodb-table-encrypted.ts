import { requireOneOf, requireTrue } from '../../assert';
import { whenClassified } from '../../lookups/classified-store';
import { requireCustomerKey } from '../../lookups/kms-key';
import type { ResourceContext, Verdict } from '../../types';
import { resourceRule, unresolvable } from '../../types';
import { asArray, isIntrinsic } from '../../values';
import { piiStatus, TAG_CLASSIFICATION } from '../../vocabulary';

/** A global table carries its tags per replica (`Replicas[].Tags`): it is PII when any replica says so. */
function globalTablePiiStatus(ctx: ResourceContext): 'yes' | 'no' | 'unknown' {
  let status: 'no' | 'unknown' = 'no';
  for (const replica of asArray(ctx.properties.Replicas)) {
    const tags = (replica as { Tags?: unknown } | undefined)?.Tags;
    if (isIntrinsic(replica) || isIntrinsic(tags)) status = 'unknown';
    for (const tag of Array.isArray(tags) ? tags : []) {
      const { Key, Value } = (tag ?? {}) as { Key?: unknown; Value?: unknown };
      if (isIntrinsic(tag) || isIntrinsic(Key)) status = 'unknown';
      if (Key !== TAG_CLASSIFICATION) continue;
      if (typeof Value === 'string' && Value.toLowerCase() === 'pii') return 'yes';
      if (isIntrinsic(Value)) status = 'unknown';
    }
  }
  return status;
}

/** Every replica of a global table names a customer key (the key is regional, so it is set per replica). */
function replicaKeys(ctx: ResourceContext): Verdict[] {
  const replicas = ctx.properties.Replicas;
  if (isIntrinsic(replicas)) return [unresolvable('Replicas', 'Replicas given by an intrinsic')];
  return asArray(replicas).flatMap((_, i) => requireCustomerKey(ctx, `Replicas.${i}.SSESpecification.KMSMasterKeyId`, `PII global table replica ${i} has no customer-managed key`) ?? []);
}

export const DynamoDbTableEncrypted = resourceRule({
  id: 'DPP-3.4-DynamoDbTableEncrypted',
  clause: '3.4',
  level: 'error',
  critical: 'prod-pii',
  resourceTypes: ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'],
  description: 'DynamoDB tables declare server-side encryption; PII tables use a customer-managed KMS key',
  fix: 'Set SSESpecification.SSEEnabled: true (for PII: SSEType KMS and KMSMasterKeyId naming a customer-managed key)',
  explanation: 'DPP 3.4 Encryption at Rest requires every store of Information encrypted at rest, and PII under keys accessible only to the Developer\'s processes (a customer-managed key, not the AWS-owned or AWS-managed one).',
  check: (ctx) => {
    const enabled = requireTrue(ctx, 'SSESpecification.SSEEnabled', 'server-side encryption is not declared (SSESpecification.SSEEnabled is not true)');
    if (enabled) return enabled;
    const global = ctx.type === 'AWS::DynamoDB::GlobalTable';
    return whenClassified(ctx, global ? globalTablePiiStatus(ctx) : piiStatus(ctx.index, ctx.logicalId), () => {
      // SSEType's only value is KMS, and absent means KMS once SSE is enabled.
      const type = requireOneOf(ctx, 'SSESpecification.SSEType', ['KMS'], (actual) => `PII table SSEType is ${String(actual)}, not KMS`, 'pass');
      if (type) return type;
      return global ? replicaKeys(ctx) : requireCustomerKey(ctx, 'SSESpecification.KMSMasterKeyId', 'PII table uses the AWS-managed DynamoDB key (KMSMasterKeyId is absent)');
    });
  },
});

import type { ResourceContext, Verdict } from '../types';
import { fail, unresolvable, warn } from '../types';
import { isIntrinsic } from '../values';
import { rawAt, renderString } from './template-string';

/**
 * What a KMS key property (`KMSMasterKeyID`, `KmsKeyId`, `EncryptionKeyArn`…) names. Shared by
 * the DPP 3.4 Encryption at Rest rules, which tell a customer-managed key (whose key policy the
 * Developer controls) from an AWS-managed one (`alias/aws/<service>`, usable by every principal
 * of the account through the service).
 */
export type KmsKeyKind =
  | { readonly kind: 'absent' }
  /** A key or alias of this template, or a literal key ARN / key ID / alias outside `alias/aws/`. */
  | { readonly kind: 'customer' }
  | { readonly kind: 'aws-managed'; readonly name: string }
  | { readonly kind: 'unresolvable'; readonly why: string };

const KMS_RESOURCE_TYPES = new Set(['AWS::KMS::Key', 'AWS::KMS::Alias', 'AWS::KMS::ReplicaKey']);
const AWS_MANAGED_ALIAS = /alias\/aws\/[A-Za-z0-9_/-]*/;
const PLACEHOLDER = /^\$\{([^}.]+)(\.[^}]*)?\}$/;

/** Classifies the raw value of a KMS key property. */
export function kmsKeyOf(ctx: Pick<ResourceContext, 'index'>, raw: unknown): KmsKeyKind {
  if (raw === undefined || raw === null || raw === '') return { kind: 'absent' };
  if (isIntrinsic(raw) && (raw as { Ref?: unknown }).Ref === 'AWS::NoValue') return { kind: 'absent' };
  const rendered = renderString(ctx.index, raw);
  if ('unresolvable' in rendered) return { kind: 'unresolvable', why: rendered.unresolvable };
  const text = rendered.text;
  const managed = AWS_MANAGED_ALIAS.exec(text);
  if (managed) return { kind: 'aws-managed', name: managed[0] };
  // A bare Ref/GetAtt (or a Sub of one) must name a key of this template; anything else (a
  // custom resource's output, say) cannot be told apart until deploy.
  const whole = PLACEHOLDER.exec(text);
  if (whole) {
    const type = ctx.index.typeOf(whole[1]);
    return type && KMS_RESOURCE_TYPES.has(type)
      ? { kind: 'customer' }
      : { kind: 'unresolvable', why: `${whole[1]} is ${type ? `a ${type}` : 'not a resource'}, not a KMS key` };
  }
  return { kind: 'customer' };
}

/**
 * The property must name a customer-managed KMS key: absent fails with `absentProblem`, an
 * AWS-managed key fails, an undecidable value warns.
 */
export function requireCustomerKey(ctx: ResourceContext, property: string, absentProblem: string): Verdict | undefined {
  const raw = rawAt(ctx, property);
  if ('unresolvable' in raw) return unresolvable(property, raw.unresolvable);
  const key = kmsKeyOf(ctx, raw.value);
  switch (key.kind) {
    case 'absent': return fail(absentProblem, property);
    case 'aws-managed': return fail(`${property} is the AWS-managed key ${key.name}, not a customer-managed key`, property);
    case 'unresolvable': return unresolvable(property, key.why);
    default: return undefined;
  }
}

/**
 * The property must name a KMS key (CONTROLS.md "with a KMS key"). An AWS-managed key passes
 * the assertion but is reported as a warning: its key policy cannot limit who uses it, so DPP
 * 3.4's "keys accessible only to the Developer's processes" rests on IAM alone.
 */
export function requireKmsKey(ctx: ResourceContext, property: string, absentProblem: string): Verdict | undefined {
  const raw = rawAt(ctx, property);
  if ('unresolvable' in raw) return unresolvable(property, raw.unresolvable);
  const key = kmsKeyOf(ctx, raw.value);
  switch (key.kind) {
    case 'absent': return fail(absentProblem, property);
    case 'aws-managed': return warn(`${property} is the AWS-managed key ${key.name}; prefer a customer-managed key whose key policy names the readers`, property);
    case 'unresolvable': return unresolvable(property, key.why);
    default: return undefined;
  }
}

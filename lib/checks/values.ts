/**
 * What a property's value is known to be at synth time. Rules decide on `known` values; an
 * `unresolvable` one (a parameter, a condition, an import…) must give a warning, never a pass.
 */
export type Value =
  | { readonly kind: 'absent' }
  | { readonly kind: 'known'; readonly value: unknown }
  | { readonly kind: 'reference'; readonly logicalId: string; readonly attribute?: string }
  | { readonly kind: 'unresolvable'; readonly why: string };

export const ABSENT: Value = { kind: 'absent' };

/** Pseudo parameters whose value is fixed per deployment but unknown at synth time. */
const PSEUDO_PARAMETERS = new Set([
  'AWS::AccountId', 'AWS::Region', 'AWS::Partition', 'AWS::URLSuffix', 'AWS::StackName',
  'AWS::StackId', 'AWS::NotificationARNs', 'AWS::NoValue',
]);

/** True when `value` is a single-key object whose key is an intrinsic (`Ref`, `Fn::*`, `Condition`). */
export function isIntrinsic(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::') || keys[0] === 'Condition');
}

/** The name of an intrinsic, e.g. `Fn::If`. */
export function intrinsicName(value: Record<string, unknown>): string {
  return Object.keys(value)[0];
}

/**
 * Classifies a raw template value. `isResource` says whether a logical ID names a resource of the
 * same template, so a `Ref`/`Fn::GetAtt` to it is a `reference` (followed by rules that need it),
 * while a `Ref` to a parameter is unresolvable.
 */
export function classify(raw: unknown, isResource: (logicalId: string) => boolean): Value {
  if (raw === undefined || raw === null) return ABSENT;
  if (!isIntrinsic(raw)) return { kind: 'known', value: raw };
  const name = intrinsicName(raw);
  const arg = raw[name];
  if (name === 'Ref' && typeof arg === 'string') {
    if (arg === 'AWS::NoValue') return ABSENT;
    if (isResource(arg)) return { kind: 'reference', logicalId: arg };
    if (PSEUDO_PARAMETERS.has(arg)) return { kind: 'unresolvable', why: `pseudo parameter ${arg}` };
    return { kind: 'unresolvable', why: `parameter ${arg}` };
  }
  if (name === 'Fn::GetAtt') {
    const [logicalId, attribute] = Array.isArray(arg)
      ? [arg[0], arg[1]]
      : typeof arg === 'string' ? arg.split(/\.(.*)/s) : [undefined, undefined];
    if (typeof logicalId === 'string' && isResource(logicalId)) {
      return { kind: 'reference', logicalId, attribute: typeof attribute === 'string' ? attribute : undefined };
    }
    return { kind: 'unresolvable', why: `Fn::GetAtt of ${String(logicalId)}` };
  }
  return { kind: 'unresolvable', why: name };
}

/** A known value coerced to boolean the way CloudFormation does ("true"/"false" strings included). */
export function asBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const lower = value.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
  }
  return undefined;
}

/** A known value coerced to a number ("90" included). */
export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

/** A value as an array: a list stays a list, a single value becomes a list of one, absent is empty. */
export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** True when any intrinsic that cannot be resolved at synth time appears anywhere inside `value`. */
export function containsIntrinsic(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (isIntrinsic(value)) return true;
  const children = Array.isArray(value) ? value : Object.values(value);
  return children.some(containsIntrinsic);
}

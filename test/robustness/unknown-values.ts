import { isIntrinsic } from '../../lib/checks/values';

/**
 * Template surgery for the robustness tests: where a resource's values are, and how to replace
 * one of them with a value the template cannot decide.
 */

/** A path into a resource: `['Properties', 'Tags', 0, 'Value']`. */
export type NodePath = ReadonlyArray<string | number>;

/**
 * Every node under a resource's `Properties` (objects, arrays and leaves; an intrinsic is one
 * node, never entered), parents before children.
 */
export function nodePaths(resource: unknown): NodePath[] {
  const paths: NodePath[] = [];
  const walk = (value: unknown, path: NodePath): void => {
    if (value === null || typeof value !== 'object' || isIntrinsic(value)) return;
    const entries: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (const [key, child] of entries) {
      paths.push([...path, key]);
      walk(child, [...path, key]);
    }
  };
  if (resource && typeof resource === 'object') walk((resource as { Properties?: unknown }).Properties, ['Properties']);
  return paths;
}

export function valueAt(root: unknown, path: NodePath): unknown {
  return path.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined), root);
}

/** A copy of `root` with the node at `path` replaced; `root` itself is not changed. */
export function replaceAt(root: unknown, path: NodePath, value: unknown): unknown {
  if (path.length === 0) return value;
  if (root === null || typeof root !== 'object' || isIntrinsic(root)) return root;
  const [key, ...rest] = path;
  if (Array.isArray(root)) {
    if (typeof key !== 'number' || key >= root.length) return root;
    const copy = [...root];
    copy[key] = replaceAt(root[key], rest, value);
    return copy;
  }
  const record = root as Record<string, unknown>;
  if (!Object.prototype.hasOwnProperty.call(record, key)) return root;
  return { ...record, [key]: replaceAt(record[key], rest, value) };
}

/** A copy of `root` without the node at `path` (a property deleted, a list item removed). */
export function removeAt(root: unknown, path: NodePath): unknown {
  if (path.length === 0 || root === null || typeof root !== 'object' || isIntrinsic(root)) return root;
  const [key, ...rest] = path;
  if (Array.isArray(root)) {
    if (typeof key !== 'number' || key >= root.length) return root;
    return rest.length === 0 ? root.filter((_, i) => i !== key) : root.map((item, i) => (i === key ? removeAt(item, rest) : item));
  }
  const record = root as Record<string, unknown>;
  if (!Object.prototype.hasOwnProperty.call(record, key)) return root;
  if (rest.length > 0) return { ...record, [key]: removeAt(record[key], rest) };
  const { [key]: _removed, ...others } = record;
  return others;
}

export function formatPath(path: NodePath): string {
  return path.join('.');
}

/** The parameter, condition, mapping and custom resource every unknown value below is built from. */
export const UNKNOWN_PARAMETER = 'UnknownParameter';
export const UNKNOWN_CONDITION = 'UnknownCondition';
export const OTHER_CONDITION = 'OtherCondition';
export const UNKNOWN_MAPPING = 'Settings';
/** A custom resource: its attributes and its Ref are whatever its handler returns at deploy. */
export const CUSTOM_RESOURCE = 'CustomThing';

/** Declarations a template needs for the unknown values to refer to something real. */
export const UNKNOWN_DECLARATIONS = {
  Parameters: { [UNKNOWN_PARAMETER]: { Type: 'String' } },
  Conditions: {
    [UNKNOWN_CONDITION]: { 'Fn::Equals': [{ Ref: UNKNOWN_PARAMETER }, 'yes'] },
    [OTHER_CONDITION]: { 'Fn::Equals': [{ Ref: UNKNOWN_PARAMETER }, 'no'] },
  },
  Mappings: { [UNKNOWN_MAPPING]: { a: { Value: 'a' }, b: { Value: 'b' } } },
} as const;

export const CUSTOM_RESOURCE_DECLARATION = {
  Type: 'Custom::Thing',
  Properties: { ServiceToken: 'arn:aws:lambda:eu-west-1:111111111111:function:handler' },
} as const;

/** A way of making a value unknown at synth time. */
export interface UnknownVariant {
  readonly name: string;
  /** The original value is still written in the template (as one branch of a condition, say). */
  readonly keepsValue: boolean;
  /** The value is made at deploy by a resource of the template (a custom resource's output). */
  readonly deployTime?: boolean;
  make(original: unknown): unknown;
}

const NO_VALUE = { Ref: 'AWS::NoValue' };

/** Every way of making a value unknown, each tried on every node of every failing seed. None can be decided from the template. */
export const UNKNOWN_VARIANTS: readonly UnknownVariant[] = [
  { name: 'Ref to a parameter', keepsValue: false, make: () => ({ Ref: UNKNOWN_PARAMETER }) },
  { name: 'Fn::If (value, AWS::NoValue)', keepsValue: true, make: (v) => ({ 'Fn::If': [UNKNOWN_CONDITION, v, NO_VALUE] }) },
  { name: 'Fn::GetAtt of a custom resource', keepsValue: false, deployTime: true, make: () => ({ 'Fn::GetAtt': [CUSTOM_RESOURCE, 'Value'] }) },
  { name: 'Fn::If (AWS::NoValue, value)', keepsValue: true, make: (v) => ({ 'Fn::If': [UNKNOWN_CONDITION, NO_VALUE, v] }) },
  { name: 'Fn::If (value, parameter)', keepsValue: true, make: (v) => ({ 'Fn::If': [UNKNOWN_CONDITION, v, { Ref: UNKNOWN_PARAMETER }] }) },
  { name: 'Fn::ImportValue', keepsValue: false, make: () => ({ 'Fn::ImportValue': 'SharedExport' }) },
  { name: 'Fn::Select with a parameter index', keepsValue: true, make: (v) => ({ 'Fn::Select': [{ Ref: UNKNOWN_PARAMETER }, [v, 'other']] }) },
  { name: 'Fn::FindInMap with a parameter key', keepsValue: false, make: () => ({ 'Fn::FindInMap': [UNKNOWN_MAPPING, { Ref: UNKNOWN_PARAMETER }, 'Value'] }) },
  { name: 'Fn::Sub of a parameter', keepsValue: false, make: () => ({ 'Fn::Sub': `\${${UNKNOWN_PARAMETER}}` }) },
  { name: 'Fn::Join with a parameter', keepsValue: false, make: () => ({ 'Fn::Join': ['', [{ Ref: UNKNOWN_PARAMETER }]] }) },
  { name: 'Ref to a custom resource', keepsValue: false, deployTime: true, make: () => ({ Ref: CUSTOM_RESOURCE }) },
  { name: 'nested Fn::If', keepsValue: true, make: (v) => ({ 'Fn::If': [UNKNOWN_CONDITION, { 'Fn::If': [OTHER_CONDITION, v, { Ref: UNKNOWN_PARAMETER }] }, NO_VALUE] }) },
];

/** True when the node refers to `logicalId` (Ref, Fn::GetAtt, or `${logicalId}` in Fn::Sub), at any depth. */
export function refersTo(node: unknown, logicalId: string): boolean {
  if (node === null || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some((n) => refersTo(n, logicalId));
  const record = node as Record<string, unknown>;
  if (record.Ref === logicalId) return true;
  const getAtt = record['Fn::GetAtt'];
  if ((Array.isArray(getAtt) && getAtt[0] === logicalId) || (typeof getAtt === 'string' && getAtt.split('.')[0] === logicalId)) return true;
  const sub = record['Fn::Sub'];
  const text = typeof sub === 'string' ? sub : Array.isArray(sub) && typeof sub[0] === 'string' ? sub[0] : '';
  if (text.includes(`\${${logicalId}}`) || text.includes(`\${${logicalId}.`)) return true;
  return Object.values(record).some((n) => refersTo(n, logicalId));
}
